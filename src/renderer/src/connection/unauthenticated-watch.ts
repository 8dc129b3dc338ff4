import type { Transport } from '../../../shared/client/transport'

export interface WatchedTransport {
  transport: Transport
  /** `listener` gets the server's sentence for why (inactivity, deactivation, a password change...). */
  onUnauthenticated(listener: (message: string) => void): () => void
}

/**
 * Sessions end on the server (idle expiry, deactivation) without telling the window; the first
 * refused call is where the renderer learns it, whichever feature made that call.
 */
export function watchUnauthenticated(inner: Transport): WatchedTransport {
  const listeners = new Set<(message: string) => void>()
  const transport: Transport = {
    async call(path, input) {
      const result = await inner.call(path, input)
      if (!result.ok && result.error.code === 'UNAUTHENTICATED') {
        const { message } = result.error
        listeners.forEach((listener) => listener(message))
      }
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
