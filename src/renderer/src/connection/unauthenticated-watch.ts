import type { Transport } from '../../../shared/client/transport'

export interface WatchedTransport {
  transport: Transport
  onUnauthenticated(listener: () => void): () => void
}

/**
 * Sessions end on the server (idle expiry, deactivation) without telling the window; the first
 * refused call is where the renderer learns it, whichever feature made that call.
 */
export function watchUnauthenticated(inner: Transport): WatchedTransport {
  const listeners = new Set<() => void>()
  const transport: Transport = {
    async call(path, input) {
      const result = await inner.call(path, input)
      if (!result.ok && result.error.code === 'UNAUTHENTICATED') listeners.forEach((listener) => listener())
      return result
    },
    subscribe: (event, listener) => inner.subscribe(event, listener),
  }
  return {
    transport,
    onUnauthenticated(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
  }
}
