import Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { longSessions, makeTestBackend } from '../support/test-backend'
import { confinedSpaceSite } from '../support/scenario'

/**
 * Issue 7, item 2: no invalid reading or batch is ever stored, and every error names its row and
 * field. Batches mix valid rows with rows broken in one of many ways; the server must refuse the
 * whole batch exactly when one row is broken, naming each broken row.
 */

const t = makeTestBackend({ sessionPolicy: longSessions })
let s: Awaited<ReturnType<typeof confinedSpaceSite>>
let permitId = 0
afterAll(() => t.dispose())
beforeAll(async () => {
  s = await confinedSpaceSite(t)
  permitId = (await s.readyPermit()).id
})

const count = () => {
  const db = new Database(t.backend.databaseFile, { readonly: true })
  try {
    return (db.prepare('select count(*) as n from monitor_readings').get() as { n: number }).n
  } finally {
    db.close()
  }
}

type Row = Record<string, unknown>
/** Each valid row at its own millisecond: a second reading at the same one is already stored. */
let taken = 0
const valid = (): Row => ({
  permitId,
  loggedAt: t.clock.now() - 200_000 + (taken += 1),
  monitoredBy: 'MX4',
  oxygenPercent: 20.9,
  h2sPpm: 1,
})

/** One way to break a row, and the field the server must name. */
const breakages: [string, (row: Row) => Row][] = [
  ['oxygenPercent', (row) => ({ ...row, oxygenPercent: -1 })],
  ['oxygenPercent', (row) => ({ ...row, oxygenPercent: 31 })],
  ['oxygenPercent', (row) => ({ ...row, oxygenPercent: 20.955 })],
  ['h2sPpm', (row) => ({ ...row, h2sPpm: 'high' })],
  ['h2sPpm', (row) => ({ ...row, h2sPpm: 501 })],
  ['coPpm', (row) => ({ ...row, coPpm: 2001 })],
  ['lelPercent', (row) => ({ ...row, lelPercent: null })],
  ['loggedAt', (row) => ({ ...row, loggedAt: -5 })],
  ['loggedAt', (row) => ({ ...row, loggedAt: t.clock.now() + 10 * 60_000 })],
  ['monitoredBy', (row) => ({ ...row, monitoredBy: 'NOT-REGISTERED' })],
  ['monitoredBy', (row) => ({ ...row, monitoredBy: '' })],
  ['permitId', (row) => ({ ...row, permitId: 999_999 })],
  ['permitId', (row) => ({ ...row, permitId: 'one' })],
  ['oxygenPercent', ({ oxygenPercent: _o, h2sPpm: _h, ...row }) => row],
  ['coPpm', (row) => ({ ...row, kind: 'periodic' })],
  ['color', (row) => ({ ...row, color: 'red' })],
]

const rowArb = fc.oneof(
  { weight: 3, arbitrary: fc.constant<{ row: Row; field: string | null }>({ row: {}, field: null }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...breakages).map(([field, breakIt]) => ({ row: breakIt(valid()), field })),
  },
)

describe('a batch of readings', () => {
  it('is stored whole when every row is valid, and otherwise not at all, with each bad row and field named', async () => {
    let refused = 0
    let stored = 0
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 12 }), async (drafts) => {
        const rows = drafts.map((draft) => (draft.field === null ? valid() : draft.row))
        const before = count()
        const result = await t.call('readings.ingest', { readings: rows }, s.attendant.token)
        const broken = drafts.flatMap((draft, index) => (draft.field === null ? [] : [{ index, field: draft.field }]))
        if (broken.length === 0) {
          expect(result.ok).toBe(true)
          expect(count()).toBe(before + rows.length)
          stored += 1
          return
        }
        refused += 1
        expect(result.ok ? null : result.error.code).toBe('VALIDATION')
        expect(count()).toBe(before)
        const fields = result.ok ? [] : (result.error.issues ?? []).map((issue) => issue.field)
        for (const { index, field } of broken)
          expect(
            fields.some((named) => named.startsWith(`readings.${String(index)}`) && named.includes(field)),
            `row ${String(index)} ${field}: ${fields.join(', ')}`,
          ).toBe(true)
      }),
      { numRuns: 300 },
    )
    expect(refused).toBeGreaterThan(50)
    expect(stored).toBeGreaterThan(20)
  })
})
