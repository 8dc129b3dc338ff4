import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventMessage } from '../../src/shared/contract/events'
import { makeTestBackend } from '../support/test-backend'
import { accessScenario, codeOf } from './support/access-scenario'

const t = makeTestBackend()
afterAll(() => t.dispose())
let s: Awaited<ReturnType<typeof accessScenario>>

/** Every person of the scenario, listening to events from the start. */
const people = () =>
  ({
    rex: s.rex.token,
    rae: s.rae.token,
    ita: s.ita.token,
    itb: s.itb.token,
    sup: s.supervisor.token,
    aud: s.aud.token,
    att: s.attendant.token,
  }) as const
type Who = keyof ReturnType<typeof people>
const heard = new Map<Who, EventMessage[]>()

const ids = { rexLedger: 0, raeSpace: 0, rexGrant: 0, review: 0 }

beforeAll(async () => {
  s = await accessScenario(t)
  for (const [who, token] of Object.entries(people()) as [Who, string][]) {
    const received: EventMessage[] = []
    heard.set(who, received)
    t.backend.openEventStream(
      token,
      (message) => received.push(message),
      () => {},
    )
  }
  // A story touching every kind of record: requests on an IT resource and a space, a grant, a review, notices.
  const rexLedger = await t.ok(
    'access.fileRequest',
    { resourceId: s.ledger.id, level: 'read', justification: 'Close', durationHours: 8 },
    s.rex.token,
  )
  ids.rexLedger = rexLedger.id
  ids.rexGrant =
    (await t.ok('access.decide', { requestId: rexLedger.id, decision: 'approve' }, s.ita.token)).grantId ?? 0
  ids.raeSpace = (
    await t.ok(
      'access.fileRequest',
      { resourceId: s.spaceResource.id, level: 'entrant', justification: 'Weld inspection', durationHours: 8 },
      s.rae.token,
    )
  ).id
  await t.ok(
    'access.decide',
    { requestId: ids.raeSpace, decision: 'deny', comment: 'Not trained yet' },
    s.supervisor.token,
  )
  ids.review = (await t.ok('access.startReview', { resourceId: s.ledger.id }, s.ita.token)).id
  await t.ok(
    'access.reviewDecide',
    { reviewId: ids.review, grantIds: [ids.rexGrant], action: 'revoke', note: 'Left the team' },
    s.ita.token,
  )
})

/** Whether this person may read the record an event is about, asked through the read procedures themselves. */
async function mayRead(token: string, message: EventMessage): Promise<boolean> {
  switch (message.name) {
    case 'access.requestChanged':
      return (await t.call('access.request', { requestId: message.payload.requestId }, token)).ok
    case 'access.grantChanged': {
      for (const current of [true, false]) {
        const mine = await t.call('access.grants', { current }, token)
        const onResource = await t.call('access.grants', { resourceId: message.payload.resourceId, current }, token)
        const all = [...(mine.ok ? mine.value.items : []), ...(onResource.ok ? onResource.value.items : [])]
        if (all.some((g) => g.id === message.payload.grantId)) return true
      }
      return false
    }
    case 'access.reviewChanged': {
      const reviews = await t.call('access.reviews', { limit: 200 }, token)
      return reviews.ok && reviews.value.some((r) => r.id === message.payload.reviewId)
    }
    case 'notifications.created': {
      const inbox = await t.call('notifications.list', { limit: 200 }, token)
      return inbox.ok && inbox.value.items.some((n) => n.id === message.payload.notificationId)
    }
    default:
      return true
  }
}

describe('record-level scoping', () => {
  it('delivers no access event or notice to anyone who may not read its record', async () => {
    let checked = 0
    for (const [who, token] of Object.entries(people()) as [Who, string][]) {
      for (const message of heard.get(who) ?? []) {
        if (!message.name.startsWith('access.') && message.name !== 'notifications.created') continue
        if (message.name === 'access.resourcesChanged') continue
        expect(await mayRead(token, message), `${who} heard ${message.name} ${JSON.stringify(message.payload)}`).toBe(
          true,
        )
        checked += 1
      }
    }
    expect(checked).toBeGreaterThan(10)
  })

  it('delivers each request’s events to its requester, its approvers and auditors, and to nobody else', () => {
    const heardOf = (who: Who, requestId: number) =>
      (heard.get(who) ?? []).some((m) => m.name === 'access.requestChanged' && m.payload.requestId === requestId)
    const hearing = (requestId: number) =>
      (Object.keys(people()) as Who[]).filter((who) => heardOf(who, requestId)).sort()
    expect(hearing(ids.rexLedger)).toEqual(['aud', 'ita', 'itb', 'rex'])
    expect(hearing(ids.raeSpace)).toEqual(['aud', 'rae', 'sup'])
  })

  it('lets a requester read only their own requests and grants; another’s request does not exist for them', async () => {
    expect((await t.ok('access.requests', {}, s.rae.token)).items.map((r) => r.id)).toEqual([ids.raeSpace])
    expect(codeOf(await t.call('access.request', { requestId: ids.rexLedger }, s.rae.token))).toBe('NOT_FOUND')
    expect(codeOf(await t.call('access.requests', { scope: 'all' }, s.rae.token))).toBe('FORBIDDEN')
    const othersGrants = await t.ok('access.grants', { holderId: s.rex.user.id, current: false }, s.rae.token)
    expect(othersGrants.items).toEqual([])
    const onLedger = await t.ok('access.grants', { resourceId: s.ledger.id, current: false }, s.rae.token)
    expect(onLedger.items).toEqual([])
    expect(codeOf(await t.call('access.reviews', {}, s.rae.token))).toBe('FORBIDDEN')
  })

  it('lets approvers read the requests and grants of their resources only, and auditors everything', async () => {
    expect(codeOf(await t.call('access.request', { requestId: ids.rexLedger }, s.itb.token))).toBe('ok')
    expect(codeOf(await t.call('access.request', { requestId: ids.raeSpace }, s.ita.token))).toBe('NOT_FOUND')
    expect(codeOf(await t.call('access.request', { requestId: ids.rexLedger }, s.supervisor.token))).toBe('NOT_FOUND')
    expect((await t.ok('access.requests', { scope: 'decidable' }, s.supervisor.token)).items.map((r) => r.id)).toEqual([
      ids.raeSpace,
    ])
    expect(
      (await t.ok('access.grants', { resourceId: s.ledger.id, current: false }, s.ita.token)).items.map((g) => g.id),
    ).toEqual([ids.rexGrant])
    expect(
      (await t.ok('access.grants', { resourceId: s.ledger.id, current: false }, s.supervisor.token)).items,
    ).toEqual([])
    expect((await t.ok('access.reviews', {}, s.supervisor.token)).map((r) => r.id)).toEqual([])
    const all = await t.ok('access.requests', { scope: 'all' }, s.aud.token)
    expect(all.items.map((r) => r.id).sort()).toEqual([ids.rexLedger, ids.raeSpace].sort())
    expect((await t.ok('access.reviews', {}, s.aud.token)).map((r) => r.id)).toEqual([ids.review])
  })

  it('keeps each inbox to its owner: marking another’s notices read changes nothing', async () => {
    const rexInbox = await t.ok('notifications.list', {}, s.rex.token)
    expect(rexInbox.items.map((n) => n.kind).sort()).toEqual(['grant_ended', 'request_decided'])
    await t.ok('notifications.markRead', { ids: rexInbox.items.map((n) => n.id) }, s.rae.token)
    expect((await t.ok('notifications.list', {}, s.rex.token)).unread).toBe(2)
    expect((await t.ok('notifications.list', {}, s.rae.token)).items.map((n) => n.kind)).toEqual(['request_decided'])
  })
})
