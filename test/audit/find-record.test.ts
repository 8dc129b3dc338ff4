import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { confinedSpaceSite } from '../support/scenario'
import { makeTestBackend } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'

/**
 * Issue 11: an auditor filters the trail to a record by the name its entries show (a permit's
 * number, a space's tag, a username), not by an id the screens never show. The lookup and the
 * labels on the entries must agree both ways: every entry's record is found by its own label.
 */

let t: TestBackend
let auditor = ''
let requester = ''
let site: Awaited<ReturnType<typeof confinedSpaceSite>>
let permit = { id: 0, number: '' }

beforeAll(async () => {
  t = makeTestBackend()
  site = await confinedSpaceSite(t)
  auditor = (await t.userWithRoles(site.admin.token, 'audrey', ['auditor'])).token
  requester = (await t.userWithRoles(site.admin.token, 'rita', ['requester'])).token
  const draft = await t.ok('permits.create', site.permitFields(), site.supervisor.token)
  permit = { id: draft.card.id, number: draft.card.number }
  await t.ok('permits.transition', { permitId: permit.id, action: 'submit' }, site.supervisor.token)
  // A monitor whose serial is also a username: a name that fits records of two kinds.
  await site.registerInstrument(site.site.id, 'sue')
})
afterAll(() => t.dispose())

const find = (input: { entityType?: string; name: string }) => t.ok('audit.findRecord', input, auditor)

describe('finding the record an auditor names', () => {
  it('finds a permit by its number, in any case, with or without its kind', async () => {
    const expected = [{ entityType: 'permit', entityId: String(permit.id), label: permit.number }]
    expect((await find({ entityType: 'permit', name: permit.number })).records).toEqual(expected)
    expect((await find({ entityType: 'permit', name: permit.number.toLowerCase() })).records).toEqual(expected)
    expect((await find({ name: permit.number })).records).toEqual(expected)
    // By the id the address holds, with or without "#".
    expect((await find({ entityType: 'permit', name: String(permit.id) })).records).toEqual(expected)
    expect((await find({ entityType: 'permit', name: `#${String(permit.id)}` })).records).toEqual(expected)
  })

  it('finds a space by its tag or its whole label, and an account by its username', async () => {
    const space = [{ entityType: 'space', entityId: String(site.space.id), label: 'TK-101 Crude tank 101' }]
    expect((await find({ entityType: 'space', name: 'tk-101' })).records).toEqual(space)
    expect((await find({ entityType: 'space', name: 'TK-101 Crude tank 101' })).records).toEqual(space)
    const [user] = (await find({ entityType: 'user', name: 'SUE' })).records
    expect(user).toMatchObject({ entityType: 'user', label: 'sue (sue)' })
  })

  it('names every record of each kind a name fits when no kind is given', async () => {
    const kinds = (await find({ name: 'sue' })).records.map((record) => record.entityType).sort()
    expect(kinds).toEqual(['instrument', 'user'])
  })

  it('finds nothing for a name no record has, a number no record of the kind has, or a kind it does not know', async () => {
    expect((await find({ entityType: 'permit', name: 'CSE-NORTH-1999-0001' })).records).toEqual([])
    expect((await find({ entityType: 'permit', name: '987654' })).records).toEqual([])
    expect((await find({ name: 'nobody-has-this-name' })).records).toEqual([])
    expect((await find({ entityType: '__proto__', name: 'x' })).records).toEqual([])
    expect((await find({ entityType: 'constructor', name: '12' })).records).toEqual([])
  })

  it('finds a record shown by number by its number, written as its entries show it', async () => {
    const records = [{ entityType: 'access_request', entityId: '12', label: 'request #12' }]
    expect((await find({ entityType: 'access_request', name: 'request #12' })).records).toEqual(records)
    expect((await find({ entityType: 'access_request', name: '#12' })).records).toEqual(records)
    expect((await find({ entityType: 'access_request', name: 'twelve' })).records).toEqual([])
  })

  it('finds the record of every entry in the trail by the label the entry shows', async () => {
    const { items } = await t.ok('audit.list', { limit: 200 }, auditor)
    const labelled = items.filter((entry) => entry.entityLabel !== null && entry.entityId !== null)
    expect(new Set(labelled.map((entry) => entry.entityType)).size).toBeGreaterThanOrEqual(5)
    for (const entry of labelled) {
      const { records } = await find({ entityType: entry.entityType, name: entry.entityLabel ?? '' })
      expect(records, `${entry.entityType} ${String(entry.entityLabel)}`).toContainEqual({
        entityType: entry.entityType,
        entityId: entry.entityId,
        label: entry.entityLabel,
      })
      // And the filter by what was found holds that entry.
      const filtered = await t.ok(
        'audit.list',
        { limit: 200, filter: { entityType: entry.entityType, entityId: entry.entityId ?? '' } },
        auditor,
      )
      expect(filtered.items.map((item) => item.seq)).toContain(entry.seq)
    }
  })

  it('refuses an empty name, naming the field, and anyone who may not read the trail', async () => {
    const empty = await t.call('audit.findRecord', { entityType: 'permit', name: '  ' }, auditor)
    expect(empty.ok).toBe(false)
    if (!empty.ok) {
      expect(empty.error.code).toBe('VALIDATION')
      expect(empty.error.message).toMatch(/name/)
    }
    const refused = await t.call('audit.findRecord', { name: permit.number }, requester)
    expect(refused.ok).toBe(false)
    if (!refused.ok) expect(refused.error.code).toBe('FORBIDDEN')
  })
})
