import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultSessionPolicy } from '../../src/main/identity/session-policy'
import { makeTestBackend } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'
import { accessScenario, codeOf } from './support/access-scenario'

const hour = 3_600_000
const day = 24 * hour

let t: TestBackend
let s: Awaited<ReturnType<typeof accessScenario>>
/** Requests wait days and grants run weeks here: sessions outlast them (idle expiry has its own test). */
const monthLongSessions = { ...defaultSessionPolicy, idleTimeoutMs: 31 * day, maxLifetimeMs: 31 * day }
beforeEach(async () => {
  t = makeTestBackend({ sessionPolicy: monthLongSessions })
  s = await accessScenario(t)
})
afterEach(() => t.dispose())

async function filed(token = s.rex.token, overrides = {}) {
  const result = await s.file(token, overrides)
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

describe('filing a request', () => {
  it('refuses a second pending request for the same person, resource and level, naming the first; nothing written', async () => {
    const first = await filed()
    const before = t.snapshot()
    const again = await s.file(s.rex.token)
    expect(codeOf(again)).toBe('CONFLICT')
    if (!again.ok) expect(again.error.message).toContain(`Request #${first.id}`)
    expect(t.snapshot()).toBe(before)
    // Another level, or another person, is a different request.
    expect(codeOf(await s.file(s.rex.token, { level: 'write' }))).toBe('ok')
    expect(codeOf(await s.file(s.rae.token))).toBe('ok')
  })

  it('refuses a request while a grant for the same level runs, naming the grant; allows asking again after a denial', async () => {
    const request = await filed()
    const approved = await t.ok('access.decide', { requestId: request.id, decision: 'approve' }, s.ita.token)
    const blocked = await s.file(s.rex.token)
    expect(codeOf(blocked)).toBe('CONFLICT')
    if (!blocked.ok) expect(blocked.error.message).toContain(`Grant #${approved.grantId}`)
    const other = await filed(s.rex.token, { level: 'write' })
    await t.ok('access.decide', { requestId: other.id, decision: 'deny', comment: 'Not your team' }, s.ita.token)
    expect(codeOf(await s.file(s.rex.token, { level: 'write' }))).toBe('ok')
  })

  it('treats a request starting at a grant’s end as its extension, and refuses one running into a scheduled grant', async () => {
    const start = t.clock.now() + 10 * hour
    const first = await filed(s.rex.token, { startsAt: start, durationHours: 8 })
    const approved = await t.ok('access.decide', { requestId: first.id, decision: 'approve' }, s.ita.token)
    // Now, for 12 hours, would run into the grant scheduled from start.
    const clash = await s.file(s.rex.token, { durationHours: 12 })
    expect(codeOf(clash)).toBe('CONFLICT')
    if (!clash.ok) expect(clash.error.message).toContain(`Grant #${approved.grantId}`)
    const before = await filed(s.rex.token, { durationHours: 10 })
    await t.ok('access.withdrawRequest', { requestId: before.id }, s.rex.token)
    const extension = await filed(s.rex.token, { startsAt: start + 8 * hour, durationHours: 8 })
    // Moving the extension's start back into the grant is refused as well.
    const moved = await t.call(
      'access.editRequest',
      { requestId: extension.id, startsAt: start + 7 * hour },
      s.rex.token,
    )
    expect(codeOf(moved)).toBe('CONFLICT')
  })

  it('names the field and the rule: a level the resource lacks, a duration over its maximum, a start in the past', async () => {
    await t.ok('access.saveResource', { ...ledgerInput(), id: s.ledger.id, maxDurationHours: 24 }, s.admin.token)
    const cases = [
      [{ level: 'owner' }, 'level'],
      [{ durationHours: 25 }, 'durationHours'],
      [{ startsAt: t.clock.now() - day }, 'startsAt'],
      [{ justification: '  ' }, 'justification'],
    ] as const
    for (const [overrides, field] of cases) {
      const result = await s.file(s.rex.token, overrides)
      expect(codeOf(result), field).toBe('VALIDATION')
      if (!result.ok) expect(result.error.issues?.map((i) => i.field)).toEqual([field])
    }
  })

  it('lets only an administrator file on someone’s behalf, and then neither the filer nor the requester may decide it', async () => {
    expect(codeOf(await s.file(s.rae.token, { onBehalfOf: s.rex.user.id }))).toBe('FORBIDDEN')
    const adminApprover = await t.userWithRoles(s.admin.token, 'ada2', ['administrator', 'it_approver'])
    await t.ok(
      'access.saveResource',
      { ...ledgerInput(), id: s.ledger.id, approverIds: [s.ita.user.id, adminApprover.user.id] },
      s.admin.token,
    )
    const request = await filed(adminApprover.token, { onBehalfOf: s.rex.user.id })
    expect(request.requester.id).toBe(s.rex.user.id)
    expect(request.filedBy?.id).toBe(adminApprover.user.id)
    const byFiler = await t.call('access.decide', { requestId: request.id, decision: 'approve' }, adminApprover.token)
    expect(codeOf(byFiler)).toBe('FORBIDDEN')
    expect(codeOf(await t.call('access.decide', { requestId: request.id, decision: 'approve' }, s.ita.token))).toBe(
      'ok',
    )
  })

  it('lets a manager ask on their report’s behalf, and nobody else who is not an administrator', async () => {
    await t.ok('users.setManager', { userId: s.rex.user.id, managerId: s.rae.user.id }, s.admin.token)
    const request = await filed(s.rae.token, { onBehalfOf: s.rex.user.id })
    expect(request).toMatchObject({ requester: { id: s.rex.user.id }, filedBy: { id: s.rae.user.id } })
    expect(codeOf(await s.file(s.rae.token, { onBehalfOf: s.aud.user.id }))).toBe('FORBIDDEN')
    expect(codeOf(await s.file(s.rex.token, { onBehalfOf: s.rae.user.id }))).toBe('FORBIDDEN')
    // Whether an account exists is not told to someone who may not file for it.
    expect(codeOf(await s.file(s.rex.token, { onBehalfOf: 999_999 }))).toBe('FORBIDDEN')
    // The report sees the request filed for them, and may withdraw it.
    expect((await t.ok('access.requests', {}, s.rex.token)).items.map((r) => r.id)).toContain(request.id)
    expect((await t.ok('access.withdrawRequest', { requestId: request.id }, s.rex.token)).status).toBe('withdrawn')
  })

  it('refuses a retired resource and a permit of another space', async () => {
    const other = await t.ok(
      'spaces.create',
      { siteId: s.site.id, tag: 'PIT-2', name: 'Pit', classification: 'permit_required' },
      s.supervisor.token,
    )
    const permit = await t.ok('permits.create', s.permitFields({ spaceId: other.id }), s.supervisor.token)
    const wrongPermit = await s.file(s.rex.token, {
      resourceId: s.spaceResource.id,
      level: 'entrant',
      permitId: permit.card.id,
    })
    expect(codeOf(wrongPermit)).toBe('PRECONDITION_FAILED')
    await t.ok('access.retireResource', { resourceId: s.ledger.id, reason: 'Replaced' }, s.admin.token)
    expect(codeOf(await s.file(s.rex.token))).toBe('PRECONDITION_FAILED')
  })
})

describe('editing and withdrawing', () => {
  it('lets only the requester edit or withdraw a pending request', async () => {
    const request = await filed()
    for (const token of [s.rae.token, s.ita.token, s.admin.token]) {
      expect(codeOf(await t.call('access.editRequest', { requestId: request.id, justification: 'x' }, token))).toMatch(
        /FORBIDDEN/,
      )
      expect(codeOf(await t.call('access.withdrawRequest', { requestId: request.id }, token))).toMatch(/FORBIDDEN/)
    }
    const edited = await t.ok('access.editRequest', { requestId: request.id, durationHours: 4 }, s.rex.token)
    expect(edited.durationHours).toBe(4)
    const withdrawn = await t.ok(
      'access.withdrawRequest',
      { requestId: request.id, note: 'Done without it' },
      s.rex.token,
    )
    expect(withdrawn).toMatchObject({ status: 'withdrawn', statusReason: 'Done without it' })
    expect(codeOf(await t.call('access.withdrawRequest', { requestId: request.id }, s.rex.token))).toBe(
      'PRECONDITION_FAILED',
    )
    expect(codeOf(await t.call('access.decide', { requestId: request.id, decision: 'approve' }, s.ita.token))).toBe(
      'CONFLICT',
    )
  })
})

describe('deciding', () => {
  it('refuses a decision on one’s own request, and by someone who is not an approver of the resource', async () => {
    const selfRequest = await filed(s.ita.token)
    expect(codeOf(await t.call('access.decide', { requestId: selfRequest.id, decision: 'approve' }, s.ita.token))).toBe(
      'FORBIDDEN',
    )
    await t.ok(
      'access.saveResource',
      { ...ledgerInput(), id: s.ledger.id, approverIds: [s.ita.user.id] },
      s.admin.token,
    )
    const request = await filed()
    expect(codeOf(await t.call('access.decide', { requestId: request.id, decision: 'approve' }, s.itb.token))).toBe(
      'FORBIDDEN',
    )
  })

  it('needs a reason to deny, and records it as the request’s reason', async () => {
    const request = await filed()
    const bare = await t.call('access.decide', { requestId: request.id, decision: 'deny' }, s.ita.token)
    expect(codeOf(bare)).toBe('VALIDATION')
    if (!bare.ok) expect(bare.error.issues?.[0]?.field).toBe('comment')
    const denied = await t.ok(
      'access.decide',
      { requestId: request.id, decision: 'deny', comment: 'Use the report instead' },
      s.ita.token,
    )
    expect(denied).toMatchObject({ status: 'denied', statusReason: 'Use the report instead', grantId: null })
  })

  it('grants for the requested time from the requested start, or shorter when the approver shortens it, never longer', async () => {
    const start = t.clock.now() + 2 * hour
    const request = await filed(s.rex.token, { startsAt: start, durationHours: 10 })
    const longer = await t.call(
      'access.decide',
      { requestId: request.id, decision: 'approve', grantedHours: 11 },
      s.ita.token,
    )
    expect(codeOf(longer)).toBe('VALIDATION')
    const approved = await t.ok(
      'access.decide',
      { requestId: request.id, decision: 'approve', grantedHours: 3 },
      s.ita.token,
    )
    const grants = await t.ok('access.grants', {}, s.rex.token)
    expect(grants.items).toHaveLength(1)
    expect(grants.items[0]).toMatchObject({
      id: approved.grantId,
      validFrom: start,
      validTo: start + 3 * hour,
      active: false,
    })
  })

  it('needs two distinct approvers for a high-risk resource; the grant runs to the earlier of their ends', async () => {
    await t.ok('access.saveResource', { ...ledgerInput(), id: s.ledger.id, riskTier: 'high' }, s.admin.token)
    const request = await filed(s.rex.token, { durationHours: 10 })
    const first = await t.ok(
      'access.decide',
      { requestId: request.id, decision: 'approve', grantedHours: 6 },
      s.ita.token,
    )
    expect(first).toMatchObject({ status: 'pending', grantId: null, approvalsNeeded: 2 })
    expect(codeOf(await t.call('access.decide', { requestId: request.id, decision: 'approve' }, s.ita.token))).toBe(
      'CONFLICT',
    )
    // It left the first approver's queue, and waits in the second's.
    expect((await t.ok('access.queue', {}, s.ita.token)).items.map((i) => i.id)).not.toContain(request.id)
    expect((await t.ok('access.queue', {}, s.itb.token)).items.map((i) => i.id)).toContain(request.id)
    const second = await t.ok('access.decide', { requestId: request.id, decision: 'approve' }, s.itb.token)
    expect(second.status).toBe('approved')
    const [grant] = (await t.ok('access.grants', {}, s.rex.token)).items
    expect(grant?.validTo).toBe((grant?.validFrom ?? 0) + 6 * hour)
  })

  it('keeps approvals immutable, even through SQL', async () => {
    const request = await filed()
    await t.ok('access.decide', { requestId: request.id, decision: 'approve' }, s.ita.token)
    const Database = (await import('better-sqlite3')).default
    const writer = new Database(t.backend.databaseFile)
    try {
      expect(() => writer.prepare("update access_approvals set decision = 'deny'").run()).toThrow(/immutable/)
      expect(() => writer.prepare('delete from access_approvals').run()).toThrow(/immutable/)
    } finally {
      writer.close()
    }
  })
})

describe('the approval queue', () => {
  it('puts requests blocking an active or imminent permit first, then the oldest, and shows the requester’s grants', async () => {
    const old = await filed(s.rex.token)
    t.clock.advance(hour)
    const newer = await filed(s.rae.token)
    t.clock.advance(hour)
    const permit = await t.ok(
      'permits.create',
      s.permitFields({ validFrom: t.clock.now() + 2 * hour, validTo: t.clock.now() + 10 * hour }),
      s.supervisor.token,
    )
    const blocking = await filed(s.rae.token, { resourceId: s.ledger.id, level: 'write', permitId: permit.card.id })
    const queue = await t.ok('access.queue', {}, s.ita.token)
    expect(queue.items.map((i) => i.id)).toEqual([blocking.id, old.id, newer.id])
    expect(queue.items[0]).toMatchObject({ blocksPermit: true, permit: { number: permit.card.number } })
    expect(queue.items[1]?.ageMs).toBe(2 * hour)
    // A decided request leaves every approver's queue.
    await t.ok('access.decide', { requestId: old.id, decision: 'approve' }, s.itb.token)
    expect((await t.ok('access.queue', {}, s.ita.token)).items.map((i) => i.id)).toEqual([blocking.id, newer.id])
    const again = await filed(s.rex.token, { level: 'admin' })
    const item = (await t.ok('access.queue', { search: 'admin' }, s.ita.token)).items.find((i) => i.id === again.id)
    expect(item?.requesterGrants.map((g) => g.level)).toEqual(['read'])
  })

  it('shows supervisors the requests for spaces, and IT approvers only their own resources', async () => {
    const space = await filed(s.rex.token, { resourceId: s.spaceResource.id, level: 'entrant' })
    const it = await filed(s.rex.token)
    expect((await t.ok('access.queue', {}, s.supervisor.token)).items.map((i) => i.id)).toEqual([space.id])
    expect((await t.ok('access.queue', {}, s.ita.token)).items.map((i) => i.id)).toEqual([it.id])
  })
})

describe('time', () => {
  it('expires a pending request after the site’s days for a space, seven days otherwise, with the reason', async () => {
    await t.ok('sites.save', { ...siteInput(), id: s.site.id, pendingRequestDays: 2 }, s.admin.token)
    const space = await filed(s.rex.token, { resourceId: s.spaceResource.id, level: 'entrant' })
    const it = await filed(s.rex.token)
    t.clock.advance(2 * day)
    expect(t.backend.sweepAccess()).toBe(1)
    expect(await t.ok('access.request', { requestId: space.id }, s.rex.token)).toMatchObject({
      status: 'expired',
      statusReason: 'No decision within 2 days.',
    })
    t.clock.advance(5 * day)
    t.backend.sweepAccess()
    expect((await t.ok('access.request', { requestId: it.id }, s.rex.token)).status).toBe('expired')
    const inbox = await t.ok('notifications.list', {}, s.rex.token)
    expect(inbox.items.filter((n) => n.kind === 'request_expired')).toHaveLength(2)
  })

  it('ends a grant at its end by itself, reminding the holder a day and an hour before, once each', async () => {
    const request = await filed(s.rex.token, { durationHours: 48 })
    await t.ok('access.decide', { requestId: request.id, decision: 'approve' }, s.ita.token)
    t.clock.advance(25 * hour)
    t.backend.sweepAccess()
    t.backend.sweepAccess()
    t.clock.advance(22.5 * hour)
    t.backend.sweepAccess()
    const reminders = (await t.ok('notifications.list', {}, s.rex.token)).items.filter(
      (n) => n.kind === 'grant_expiring',
    )
    expect(reminders.map((n) => n.title)).toEqual([
      expect.stringContaining('ends in 30 minutes'),
      expect.stringContaining('ends in 23 hours'),
    ])
    t.clock.advance(hour)
    t.backend.sweepAccess()
    expect((await t.ok('access.grants', { current: true }, s.rex.token)).items).toEqual([])
    const [past] = (await t.ok('access.grants', { current: false }, s.rex.token)).items
    expect(past).toMatchObject({ endReason: 'expired', active: false, endedBy: 'system' })
  })

  it('tells the owners once when a resource with grants is due for review, and again a period after the review', async () => {
    await t.ok('access.saveResource', { ...ledgerInput(), id: s.ledger.id, reviewEveryDays: 7 }, s.admin.token)
    const request = await filed(s.rex.token, { durationHours: 720 })
    await t.ok('access.decide', { requestId: request.id, decision: 'approve' }, s.ita.token)
    const dueNotices = async () =>
      (await t.ok('notifications.list', {}, s.ita.token)).items.filter((n) => n.kind === 'review_due')
    t.clock.advance(6 * day)
    t.backend.sweepAccess()
    expect(await dueNotices()).toEqual([])
    t.clock.advance(day)
    t.backend.sweepAccess()
    t.backend.sweepAccess()
    expect((await dueNotices()).map((n) => n.title)).toEqual(['A review of app:ledger is due'])
    const review = await t.ok('access.startReview', { resourceId: s.ledger.id }, s.ita.token)
    await t.ok(
      'access.reviewDecide',
      { reviewId: review.id, grantIds: review.undecided.map((g) => g.id), action: 'keep' },
      s.ita.token,
    )
    await t.ok('access.closeReview', { reviewId: review.id }, s.ita.token)
    t.clock.advance(6 * day)
    t.backend.sweepAccess()
    expect(await dueNotices()).toHaveLength(1)
    t.clock.advance(day)
    t.backend.sweepAccess()
    expect(await dueNotices()).toHaveLength(2)
  })

  it('ends a grant linked to a permit when the permit is closed', async () => {
    const ready = await s.readyPermit()
    const request = await filed(s.rex.token, { resourceId: s.spaceResource.id, level: 'entrant', permitId: ready.id })
    await t.ok('access.decide', { requestId: request.id, decision: 'approve' }, s.supervisor.token)
    await t.ok('permits.transition', { permitId: ready.id, action: 'close', closeOutNotes: 'Done' }, s.supervisor.token)
    const [grant] = (await t.ok('access.grants', { current: false }, s.rex.token)).items
    expect(grant).toMatchObject({ endReason: 'permit_closed', active: false })
    expect(grant?.endNote).toContain(ready.number)
  })
})

describe('spaces as resources', () => {
  it('makes every new space a resource with the space levels, and retires it with the space', async () => {
    const pit = await t.ok(
      'spaces.create',
      { siteId: s.site.id, tag: 'PIT-9', name: 'Sump pit', classification: 'permit_required' },
      s.supervisor.token,
    )
    const [resource] = await t.ok('access.resources', { search: 'PIT-9' }, s.rex.token)
    expect(resource).toMatchObject({
      key: 'space:PIT-9',
      kind: 'space',
      levels: ['entrant', 'attendant', 'supervisor'],
      approverRole: 'supervisor',
    })
    const request = await filed(s.rex.token, { resourceId: resource?.id ?? 0, level: 'entrant' })
    await t.ok('spaces.retire', { spaceId: pit.id, reason: 'Filled in' }, s.supervisor.token)
    expect(await t.ok('access.resources', { search: 'PIT-9' }, s.rex.token)).toEqual([])
    expect((await t.ok('access.request', { requestId: request.id }, s.rex.token)).status).toBe('expired')
  })
})

const ledgerInput = () => ({
  key: 'app:ledger',
  name: 'Ledger',
  kind: 'application' as const,
  levels: ['read', 'write', 'admin'],
  riskTier: 'standard' as const,
  maxDurationHours: 720,
  ownerIds: [s.ita.user.id],
  approverIds: [s.ita.user.id, s.itb.user.id],
})

const siteInput = () => ({ code: 'NORTH', name: 'North plant', limitProfile: 'factory', maxTestAgeMinutes: 30 })
