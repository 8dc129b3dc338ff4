import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { longSessions, makeTestBackend } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'
import { accessScenario, codeOf } from './support/access-scenario'

const hour = 3_600_000

let t: TestBackend
let s: Awaited<ReturnType<typeof accessScenario>>
let eve: Awaited<ReturnType<TestBackend['userWithRoles']>>
let permitId = 0
beforeEach(async () => {
  t = makeTestBackend({ sessionPolicy: longSessions })
  s = await accessScenario(t)
  eve = await t.userWithRoles(s.admin.token, 'eve', ['entrant'])
  permitId = (await s.readyPermit({ entrants: [{ name: 'Ana Silva' }, { userId: eve.user.id }] })).id
})
afterEach(() => t.dispose())

const requireGrants = (on: boolean) =>
  t.ok(
    'sites.save',
    {
      id: s.site.id,
      code: 'NORTH',
      name: 'North plant',
      limitProfile: 'factory',
      maxTestAgeMinutes: 30,
      entryRequiresGrant: on,
    },
    s.admin.token,
  )
const enter = (person: { userId: number } | { name: string }) =>
  t.call('entries.recordEntry', { permitId, person }, s.attendant.token)
const unmetOf = (result: Awaited<ReturnType<typeof enter>>) => (result.ok ? [] : (result.error.unmet ?? []))

async function grantEve(hours: number) {
  const request = await t.ok(
    'access.fileRequest',
    { resourceId: s.spaceResource.id, level: 'entrant', justification: 'Weld inspection', durationHours: hours },
    eve.token,
  )
  return (await t.ok('access.decide', { requestId: request.id, decision: 'approve' }, s.supervisor.token)).grantId ?? 0
}

describe('entry gated by access governance', () => {
  it('asks for no grant while the site does not require one', async () => {
    expect(codeOf(await enter({ userId: eve.user.id }))).toBe('ok')
  })

  it('refuses an entrant without a valid entrant grant, naming the space, and a named person for having no account', async () => {
    await requireGrants(true)
    const refused = await enter({ userId: eve.user.id })
    expect(codeOf(refused)).toBe('PRECONDITION_FAILED')
    expect(unmetOf(refused)).toEqual([{ code: 'space_grant', message: expect.stringContaining('space:TK-101') }])
    const named = await enter({ name: 'Ana Silva' })
    expect(unmetOf(named).map((u) => u.code)).toEqual(['space_grant'])
    expect(unmetOf(named)[0]?.message).toContain('has no account')
  })

  it('lets the entrant in on a valid grant and records the entry as the grant’s last use', async () => {
    await requireGrants(true)
    const grantId = await grantEve(4)
    expect(codeOf(await enter({ userId: eve.user.id }))).toBe('ok')
    const [grant] = (await t.ok('access.grants', {}, eve.token)).items
    expect(grant).toMatchObject({ id: grantId, lastUsedAt: t.clock.now() })
  })

  it('refuses again once the grant ran out or was revoked, and never refuses the exit', async () => {
    await requireGrants(true)
    const grantId = await grantEve(1)
    expect(codeOf(await enter({ userId: eve.user.id }))).toBe('ok')
    t.clock.advance(hour)
    expect(
      codeOf(await t.call('entries.recordExit', { permitId, person: { userId: eve.user.id } }, s.attendant.token)),
    ).toBe('ok')
    await s.recordTest(permitId)
    expect(unmetOf(await enter({ userId: eve.user.id })).map((u) => u.code)).toEqual(['space_grant'])
    const second = await grantEve(4)
    expect(second).not.toBe(grantId)
    await t.ok('access.revokeGrant', { grantId: second, reason: 'Training lapsed' }, s.supervisor.token)
    expect(unmetOf(await enter({ userId: eve.user.id })).map((u) => u.code)).toEqual(['space_grant'])
  })
})
