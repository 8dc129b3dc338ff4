import Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { gases } from '../../src/shared/domain/gases'
import { fromSteps } from '../../src/shared/domain/reading-values'
import { templateGasNames } from '../../src/shared/contract/readings'
import { importFile } from '../datalog-import/import-file'
import { confinedSpaceSite } from '../support/scenario'
import { longSessions, makeTestBackend } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'

/**
 * Issue 10, item 1: the per-minute, per-hour and per-day rollups always equal a recomputation from the
 * readings stored, whatever order readings arrive in (late ones, a batch out of order, a reading
 * sent twice with another value), with gases missing from some readings, and whichever path
 * brings them: live ingest or an imported datalog (item 5), interleaved.
 */

let t: TestBackend
let permitId = 0
let permitDraftedAt = 0
let token = ''
let importer = ''
beforeAll(async () => {
  t = makeTestBackend({ sessionPolicy: longSessions })
  const s = await confinedSpaceSite(t)
  permitDraftedAt = t.clock.now()
  permitId = (await s.readyPermit()).id
  importer = s.tester.token
  await t.ok(
    'instruments.save',
    {
      siteId: s.site.id,
      serial: 'MX5',
      model: 'MX5 4-gas',
      name: 'Second monitor',
      sensors: ['o2', 'lel', 'h2s', 'co'],
      lastBumpAt: t.clock.now(),
      calibrationDueAt: t.clock.now() + 365 * 86_400_000,
    },
    s.admin.token,
  )
  token = (await t.ok('devices.create', { name: 'Gateway', siteId: s.site.id }, s.admin.token)).token
})
afterAll(() => t.dispose())

interface StoredRow {
  permit_id: number
  instrument_id: number
  taken_at: number
  o2: number | null
  lel: number | null
  h2s: number | null
  co: number | null
}
interface RollupRow {
  permit_id: number
  instrument_id: number
  gas: number
  starts_at: number
  n: number
  low: number
  high: number
  first: number
  first_at: number
  last: number
  last_at: number
  total: number
}

/** The rollups as they must be, computed from the stored readings with no code of the store's. */
function recomputed(rows: readonly StoredRow[], periodMs: number): RollupRow[] {
  const cells = new Map<string, RollupRow>()
  for (const row of rows)
    gases.forEach((gas, position) => {
      const value = row[gas]
      if (value === null) return
      const startsAt = Math.floor(row.taken_at / periodMs) * periodMs
      const key = `${String(row.permit_id)}/${String(row.instrument_id)}/${String(position)}/${String(startsAt)}`
      const cell = cells.get(key)
      if (!cell) {
        cells.set(key, {
          permit_id: row.permit_id,
          instrument_id: row.instrument_id,
          gas: position,
          starts_at: startsAt,
          n: 1,
          low: value,
          high: value,
          first: value,
          first_at: row.taken_at,
          last: value,
          last_at: row.taken_at,
          total: value,
        })
        return
      }
      cell.n += 1
      cell.total += value
      cell.low = Math.min(cell.low, value)
      cell.high = Math.max(cell.high, value)
      if (row.taken_at < cell.first_at) [cell.first, cell.first_at] = [value, row.taken_at]
      if (row.taken_at > cell.last_at) [cell.last, cell.last_at] = [value, row.taken_at]
    })
  return [...cells.values()].sort(byKey)
}

const byKey = (a: RollupRow, b: RollupRow) =>
  a.permit_id - b.permit_id || a.instrument_id - b.instrument_id || a.gas - b.gas || a.starts_at - b.starts_at

function readBack(): { readings: StoredRow[]; minutes: RollupRow[]; hours: RollupRow[]; days: RollupRow[] } {
  const db = new Database(t.backend.databaseFile, { readonly: true })
  try {
    const all = (table: string) => db.prepare(`select * from ${table}`).all() as RollupRow[]
    return {
      readings: db.prepare('select * from monitor_readings').all() as StoredRow[],
      minutes: all('reading_rollups_minute').sort(byKey),
      hours: all('reading_rollups_hour').sort(byKey),
      days: all('reading_rollups_day').sort(byKey),
    }
  } finally {
    db.close()
  }
}

/**
 * A reading in storage steps: a time within the last thirty hours, on the second as monitors log
 * (so the same monitor and second come up again: a reading sent twice), some gases, clean air.
 */
const readingArb = fc.record({
  serial: fc.constantFrom('MX4', 'MX5'),
  // Mostly the last three hours (repeats come up), sometimes the day before (days are crossed).
  agoMs: fc
    .oneof(
      { weight: 4, arbitrary: fc.integer({ min: 0, max: 3 * 3600 }) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 30 * 3600 }) },
    )
    .map((seconds) => seconds * 1000),
  o2: fc.option(fc.integer({ min: 2000, max: 2150 })),
  lel: fc.option(fc.integer({ min: 0, max: 50 })),
  h2s: fc.option(fc.integer({ min: 0, max: 50 })),
  co: fc.option(fc.integer({ min: 0, max: 200 })),
})
type Draft = typeof readingArb extends fc.Arbitrary<infer T> ? T : never

/** Rows as a datalog file: epoch milliseconds, the serial, each gas (empty: not measured); a run number keeps each file unique. */
function datalogOf(rows: readonly Record<string, unknown>[], run: number): string {
  const cell = (value: unknown) => (value === undefined ? '' : String(value as number))
  return [
    'Time,Serial,O2,LEL,H2S,CO,Run',
    ...rows.map((row) =>
      [
        String(row.loggedAt as number),
        String(row.monitoredBy as string),
        ...gases.map((gas) => cell(row[templateGasNames[gas]])),
        String(run),
      ].join(','),
    ),
  ].join('\n')
}

describe('reading rollups', () => {
  it('equal a recomputation from the stored readings after late, unordered and repeated readings, ingested or imported', async () => {
    const sent = new Set<string>()
    let repeats = 0
    let imports = 0
    await fc.assert(
      fc.asyncProperty(
        fc.array(readingArb, { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 90 }).map((seconds) => seconds * 1000),
        fc.boolean(),
        async (drafts, advanceMs, viaImport) => {
          t.clock.advance(advanceMs)
          const now = t.clock.now()
          const measured = drafts.filter((d) => d.o2 !== null || d.lel !== null || d.h2s !== null || d.co !== null)
          if (measured.length === 0) return
          let expectedRepeats = 0
          const inBatch = new Set<string>()
          const rows = measured.map((draft: Draft) => {
            // A datalog holds only readings of the permit's life: from when it was drafted.
            const loggedAt = viaImport ? Math.max(now - draft.agoMs, permitDraftedAt) : now - draft.agoMs
            const key = `${draft.serial}@${String(loggedAt)}`
            if (sent.has(key) || inBatch.has(key)) expectedRepeats += 1
            inBatch.add(key)
            const row: Record<string, unknown> = { permitId, loggedAt, monitoredBy: draft.serial }
            for (const gas of gases) {
              const steps = draft[gas]
              if (steps !== null) row[templateGasNames[gas]] = fromSteps(gas, steps)
            }
            return row
          })
          inBatch.forEach((key) => sent.add(key))
          if (viaImport) {
            imports += 1
            const answer = await importFile(t, importer, datalogOf(rows, imports), { permitId })
            expect(answer.commit).toMatchObject({ ok: true, value: { alreadyStored: expectedRepeats } })
          } else {
            const answer = await t.ok('readings.ingest', { readings: rows }, token)
            expect(answer.alreadyStored).toBe(expectedRepeats)
          }
          repeats += expectedRepeats
          const stored = readBack()
          expect(stored.readings).toHaveLength(sent.size)
          expect(stored.minutes).toEqual(recomputed(stored.readings, 60_000))
          expect(stored.hours).toEqual(recomputed(stored.readings, 3_600_000))
          expect(stored.days).toEqual(recomputed(stored.readings, 86_400_000))
        },
      ),
      { numRuns: 60 },
    )
    // The runs must have exercised a reading sent again, and imports.
    expect(repeats).toBeGreaterThan(0)
    expect(imports).toBeGreaterThan(0)
  })

  it('come with a reading sent twice: the second is already stored and changes nothing', async () => {
    const loggedAt = t.clock.now() - 5_000
    const first = { permitId, loggedAt, monitoredBy: 'MX4', oxygenPercent: 20.9, h2sPpm: 1 }
    expect((await t.ok('readings.ingest', { readings: [first] }, token)).alreadyStored).toBe(0)
    const before = readBack()
    const again = await t.ok('readings.ingest', { readings: [{ ...first, h2sPpm: 4 }] }, token)
    expect(again).toMatchObject({ accepted: 1, alreadyStored: 1 })
    expect(readBack()).toEqual(before)
  })
})
