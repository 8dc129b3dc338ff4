import type { EventMessage } from '../../shared/contract/events'

type Listener = (message: EventMessage) => void

/** In-process publish/subscribe. Services publish only after their transaction commits. */
export class EventBus {
  private readonly listeners = new Set<Listener>()

  publish(message: EventMessage): void {
    for (const listener of this.listeners) {
      try {
        listener(message)
      } catch (error) {
        // One broken subscriber must not stop delivery to the others.
        console.error('event listener failed', error)
      }
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}
