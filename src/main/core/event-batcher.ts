import { urgentEvents } from '../../shared/contract/events'
import type { EventMessage } from '../../shared/contract/events'

/**
 * Coalesces events for one subscriber so a burst reaches a window as at most one message
 * per interval (about ten a second), in order, none dropped. An alarm or an evacuation order
 * never waits: it goes at once, with whatever was pending before it, so order is kept.
 */
export function createEventBatcher(send: (batch: EventMessage[]) => void, intervalMs = 100) {
  let pending: EventMessage[] = []
  let timer: ReturnType<typeof setTimeout> | null = null

  const flush = (): void => {
    timer = null
    if (pending.length === 0) return
    const batch = pending
    pending = []
    send(batch)
  }

  return {
    push(message: EventMessage): void {
      pending.push(message)
      if (urgentEvents.has(message.name)) {
        if (timer) clearTimeout(timer)
        flush()
        return
      }
      timer ??= setTimeout(flush, intervalMs)
    },
    /** Sends what is pending now and stops the timer. */
    close(): void {
      if (timer) clearTimeout(timer)
      flush()
    },
  }
}
