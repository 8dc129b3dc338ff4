import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { acknowledgementRefusal, dutyChangeRefusal } from '../../src/shared/domain/record-rules'
import type { Role } from '../../src/shared/contract/roles'
import { confinedSpaceSite } from '../support/scenario'
import { longSessions, makeTestBackend, testPassword } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'

const hour = 3_600_000
let t: TestBackend
let s: Awaited<ReturnType<typeof confinedSpaceSite>>
const people: Record<string, { token: string; userId: number; roles: Role[] }> = {}

/** A fresh copy of the backend's state for each case would be slow; each case gets its own records instead. */
async function person(username: string, roles: Role[]) {
  const session = await t.userWithRoles(s.admin.token, username, roles)
  people[username] = { token: session.token, userId: session.user.id, roles }
}

beforeAll(async () => {
  t = makeTestBackend({ sessionPolicy: longSessions })
  s = await confinedSpaceSite(t)
  await person('sup2', ['supervisor'])
  await person('att2', ['attendant'])
  await person('att3', ['attendant', 'entrant'])
  people.sue = { token: s.supervisor.token, userId: s.supervisor.user.id, roles: ['supervisor'] }
  people.art = { token: s.attendant.token, userId: s.attendant.user.id, roles: ['attendant'] }
})
afterAll(() => t.dispose())

describe('a screen offers exactly what the server permits', () => {
  it('for changing an attendant’s duty: every caller, every assignment, every status', async () => {
    const permit = await s.readyPermit()
    const cases: string[] = []
    for (const owner of ['att2', 'att3'])
      for (const start of ['assigned', 'on_duty', 'relieved'] as const)
        for (const to of ['on_duty', 'relieved'] as const)
          for (const caller of ['sue', 'sup2', 'art', 'att2', 'att3']) {
            const who = people[caller]
            const holder = people[owner]
            if (!who || !holder) throw new Error('missing person')
            const assignment = await t.ok(
              'attendants.assign',
              {
                permitId: permit.id,
                userId: holder.userId,
                shiftName: 'Case',
                shiftStart: t.clock.now() - hour,
                shiftEnd: t.clock.now() + 8 * hour,
              },
              s.supervisor.token,
            )
            if (start !== 'assigned')
              await t.ok('attendants.setStatus', { assignmentId: assignment.id, status: 'on_duty' }, holder.token)
            if (start === 'relieved')
              await t.ok('attendants.setStatus', { assignmentId: assignment.id, status: 'relieved' }, holder.token)
            const offered = dutyChangeRefusal(who, { userId: holder.userId, status: start }) === null
            // The rule as the domain states it, written apart from the code: server and screen share
            // the code, so only this independent statement can catch the rule itself going wrong.
            const rule = (who.roles.includes('supervisor') || caller === owner) && start !== 'relieved'
            expect(offered, `the rule for ${caller} on ${owner}'s ${start}`).toBe(rule)
            const result = await t.call('attendants.setStatus', { assignmentId: assignment.id, status: to }, who.token)
            expect(result.ok, `${caller} sets ${owner}'s ${start} to ${to}`).toBe(offered)
            cases.push(`${caller}:${owner}:${start}:${to}:${String(offered)}`)
          }
    // Both outcomes occur: the comparison is not true by emptiness.
    expect(cases.filter((c) => c.endsWith('true')).length).toBeGreaterThan(10)
    expect(cases.filter((c) => c.endsWith('false')).length).toBeGreaterThan(10)
  })

  it('for acknowledging a shift handover: its signer, another supervisor, an attendant, before and after', async () => {
    const signed = await t.ok('handover.sign', { notes: 'Quiet shift.', password: testPassword }, s.supervisor.token)
    const read = new Database(t.backend.databaseFile, { readonly: true })
    const state = () =>
      read
        .prepare('select outgoing_id as outgoingId, acknowledged_at as acknowledgedAt from handovers where id = ?')
        .get(signed.id) as {
        outgoingId: number
        acknowledgedAt: number | null
      }
    // Its signer, an attendant, another supervisor (who acknowledges it), then nobody again.
    const expected = [false, false, true, false, false]
    for (const [i, caller] of ['sue', 'art', 'sup2', 'sup2', 'sue'].entries()) {
      const who = people[caller]
      if (!who) throw new Error('missing person')
      const offered = acknowledgementRefusal(who, state()) === null
      expect(offered, `the rule for ${caller}, turn ${String(i)}`).toBe(expected[i])
      const result = await t.call(
        'handover.acknowledge',
        { handoverId: signed.id, signedAt: signed.signedAt, password: testPassword },
        who.token,
      )
      expect(result.ok, `${caller} acknowledges (acknowledged: ${String(state().acknowledgedAt !== null)})`).toBe(
        offered,
      )
    }
    read.close()
  })
})
