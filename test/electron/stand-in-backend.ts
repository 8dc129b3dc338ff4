import type { Backend } from '../../src/main/backend-types'
import type { Caller, DispatchOutcome } from '../../src/main/core/caller'
import type { EventMessage } from '../../src/shared/contract/events'

interface OpenStream {
  token: string
  deliver: (message: EventMessage) => void
  end: () => void
  closed: boolean
}

/**
 * A Backend that records what reaches it. `identity.login` issues `token-<n>`,
 * `identity.logout` ends the session; every other call echoes what it received.
 */
export function createStandInBackend() {
  const calls: { path: string; input: unknown; caller: Caller }[] = []
  const streams: OpenStream[] = []
  let issued = 0

  const backend: Backend = {
    dataDir: '/tmp/gatehouse-stand-in',
    databaseFile: '/tmp/gatehouse-stand-in/gatehouse.db',
    async dispatch(path, input, caller): Promise<DispatchOutcome> {
      calls.push({ path, input, caller })
      if (path === 'identity.login') {
        issued += 1
        return {
          result: { ok: true, value: { userId: 1 } },
          sessionChange: { kind: 'issued', token: `token-${issued}` },
        }
      }
      if (path === 'identity.logout') return { result: { ok: true, value: null }, sessionChange: { kind: 'ended' } }
      return { result: { ok: true, value: { echoed: input } }, sessionChange: null }
    },
    exportFile: () => null,
    openEventStream(token, deliver, onEnded) {
      const stream: OpenStream = { token, deliver, end: onEnded, closed: false }
      streams.push(stream)
      return {
        close() {
          stream.closed = true
        },
      }
    },
    close() {},
  }
  return { backend, calls, streams }
}

export const auditAppended = (seq: number): EventMessage => ({
  name: 'audit.appended',
  payload: { seq, action: 'users.create', entityType: 'user', entityId: String(seq), at: 1_700_000_000_000 + seq },
})
