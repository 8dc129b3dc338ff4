import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventMessage } from '../../src/shared/contract/events'
import { makeTestBackend } from '../support/test-backend'

const t = makeTestBackend()
afterAll(() => t.dispose())

let adminToken = ''
let auditorToken = ''
let requesterToken = ''
beforeAll(async () => {
  adminToken = (await t.setupAdmin()).token
  auditorToken = (await t.userWithRoles(adminToken, 'audrey', ['auditor'])).token
  requesterToken = (
    await t.ok('auth.signUp', { username: 'sam', displayName: 'Sam', password: 'a long enough passphrase' })
  ).token
})

function listen(token: string) {
  const received: EventMessage[] = []
  let ended = false
  const stream = t.backend.openEventStream(
    token,
    (message) => received.push(message),
    () => (ended = true),
  )
  return { received, stream, ended: () => ended }
}

describe('events', () => {
  it('reach each subscriber only as far as the policy lets them read', async () => {
    const admin = listen(adminToken)
    const auditor = listen(auditorToken)
    const requester = listen(requesterToken)
    const created = await t.ok(
      'users.create',
      { username: 'eve', displayName: 'Eve', password: 'a long enough passphrase', roles: ['entrant'] },
      adminToken,
    )
    expect(admin.received.map((m) => m.name)).toEqual(['users.changed', 'audit.appended'])
    expect(admin.received[0]?.payload).toMatchObject({ userId: created.id, change: 'created' })
    expect(auditor.received.map((m) => m.name)).toEqual(['audit.appended'])
    expect(requester.received).toEqual([])
    for (const listener of [admin, auditor, requester]) listener.stream?.close()
  })

  it('are published only after commit: a refused command publishes nothing', async () => {
    const admin = listen(adminToken)
    const result = await t.call('users.setRoles', { userId: 1, roles: ['auditor'] }, adminToken) // last admin: refused
    expect(result.ok).toBe(false)
    expect(admin.received).toEqual([])
    admin.stream?.close()
  })

  it('are not opened for a dead token, and stop when the session ends', async () => {
    expect(
      t.backend.openEventStream(
        'made-up',
        () => {},
        () => {},
      ),
    ).toBeNull()
    const session = await t.ok('auth.login', { username: 'audrey', password: 'a long enough passphrase' })
    const auditor = listen(session.token)
    await t.ok('auth.logout', {}, session.token)
    expect(auditor.ended()).toBe(true)
    const before = auditor.received.length
    await t.ok('system.backup', {}, adminToken)
    expect(auditor.received.length).toBe(before)
  })
})
