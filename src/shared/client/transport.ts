import type { Result } from '../contract/errors'
import type { EventName, EventPayload } from '../contract/events'

/**
 * What the renderer needs from a transport. The Electron preload bridge has exactly this
 * shape; browser mode implements it over HTTP.
 */
export interface Transport {
  call(path: string, input: unknown): Promise<Result<unknown>>
  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void
}
