import { resultSchema } from '../contract/errors'
import type { Result } from '../contract/errors'
import type { EventMessage, EventName, EventPayload } from '../contract/events'
import type { Transport } from './transport'

type Listener = (payload: unknown) => void

export interface HttpTransport extends Transport {
  /** Bearer token for later calls and the event stream; null after logout. */
  setToken(token: string | null): void
  close(): void
}

const networkFailure = (detail: string): Result<unknown> => ({
  ok: false,
  error: { code: 'INTERNAL', message: `Gatehouse could not be reached (${detail}). Check that the server is running.` },
})

/**
 * Browser-mode transport: `POST /api/rpc/<path>` for calls and one server-sent event stream
 * (read with fetch so the bearer token travels in a header, never in the URL).
 */
export function createHttpTransport(baseUrl: string, fetchImpl: typeof fetch = fetch): HttpTransport {
  let token: string | null = null
  const listeners = new Map<string, Set<Listener>>()
  let stream: AbortController | null = null
  let retryTimer: ReturnType<typeof setTimeout> | null = null
  let retryDelayMs = 500

  const headers = (): Record<string, string> => ({
    'content-type': 'application/json',
    ...(token ? { authorization: `Bearer ${token}` } : {}),
  })

  function deliver(messages: EventMessage[]): void {
    for (const message of messages) listeners.get(message.name)?.forEach((listener) => listener(message.payload))
  }

  function stopStream(): void {
    stream?.abort()
    stream = null
    if (retryTimer) clearTimeout(retryTimer)
    retryTimer = null
  }

  function startStream(): void {
    stopStream()
    if (!token || listeners.size === 0) return
    const controller = new AbortController()
    stream = controller
    void readStream(controller).catch(() => {
      if (controller.signal.aborted) return
      retryTimer = setTimeout(startStream, retryDelayMs)
      retryDelayMs = Math.min(retryDelayMs * 2, 10_000)
    })
  }

  async function readStream(controller: AbortController): Promise<void> {
    const response = await fetchImpl(`${baseUrl}/api/events`, { headers: headers(), signal: controller.signal })
    if (!response.ok || !response.body) throw new Error(`event stream refused: ${response.status}`)
    retryDelayMs = 500
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
    let buffer = ''
    for (;;) {
      const { value, done } = await reader.read()
      if (done) throw new Error('event stream ended')
      buffer += value
      let end: number
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const data = frame
          .split('\n')
          .filter((line) => line.startsWith('data:'))
          .map((line) => line.slice(5).trimStart())
          .join('\n')
        if (data) deliver(JSON.parse(data) as EventMessage[])
      }
    }
  }

  return {
    async call(path, input) {
      let response: Response
      try {
        response = await fetchImpl(`${baseUrl}/api/rpc/${encodeURIComponent(path)}`, {
          method: 'POST',
          headers: headers(),
          body: JSON.stringify(input ?? {}),
        })
      } catch (error) {
        return networkFailure(error instanceof Error ? error.message : 'network error')
      }
      const parsed = resultSchema.safeParse(await response.json().catch(() => null))
      return parsed.success ? (parsed.data as Result<unknown>) : networkFailure(`HTTP ${response.status}`)
    },
    subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) {
      const set = listeners.get(event) ?? new Set<Listener>()
      listeners.set(event, set)
      set.add(listener as Listener)
      if (!stream) startStream()
      return () => {
        set.delete(listener as Listener)
        if (set.size === 0) listeners.delete(event)
        if (listeners.size === 0) stopStream()
      }
    },
    setToken(next) {
      token = next
      startStream()
    },
    close: stopStream,
  }
}
