import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTestBackend } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'
import { accessScenario, codeOf } from './support/access-scenario'

const hour = 3_600_000

let t: TestBackend
let s: Awaited<ReturnType<typeof accessScenario>>
beforeEach(async () => {
  t = makeTestBackend()
  s = await accessScenario(t)
})
afterEach(() => t.dispose())

describe('extending a grant', () => {
  it('accepts a request that starts at the running grant’s end, and the approval continues the grant from there', async () => {
    const filed = await t.ok(
      'access.fileRequest',
      { resourceId: s.ledger.id, level: 'read', justification: 'Month-end close', durationHours: 8 },
      s.rex.token,
    )
    const approved = await t.ok('access.decide', { requestId: filed.id, decision: 'approve' }, s.ita.token)
    const [grant] = (await t.ok('access.grants', {}, s.rex.token)).items
    if (!grant || approved.grantId !== grant.id) throw new Error('the approval made the grant')

    const overlapping = await s.file(s.rex.token, { startsAt: grant.validTo - hour })
    expect(codeOf(overlapping)).toBe('CONFLICT')
    if (!overlapping.ok) expect(overlapping.error.message).toContain(`Grant #${grant.id}`)

    const extension = await t.ok(
      'access.fileRequest',
      {
        resourceId: s.ledger.id,
        level: 'read',
        justification: 'Month-end close runs over',
        durationHours: 4,
        startsAt: grant.validTo,
      },
      s.rex.token,
    )
    await t.ok('access.decide', { requestId: extension.id, decision: 'approve' }, s.ita.token)
    const again = await s.file(s.rex.token, { startsAt: grant.validTo })
    expect(codeOf(again)).toBe('CONFLICT')
    const current = (await t.ok('access.grants', {}, s.rex.token)).items
    expect(current.map((g) => [g.validFrom, g.validTo]).sort()).toEqual([
      [grant.validFrom, grant.validTo],
      [grant.validTo, grant.validTo + 4 * hour],
    ])
  })
})
