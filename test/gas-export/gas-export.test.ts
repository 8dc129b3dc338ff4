import { createHash } from 'node:crypto'
import fs from 'node:fs'
import Database from 'better-sqlite3'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventMessage } from '../../src/shared/contract/events'
import type { ProcedureInput } from '../../src/shared/contract/procedures'
import { gases, type Gas } from '../../src/shared/domain/gases'
import { fromSteps } from '../../src/shared/domain/reading-values'
import { ana, confinedSpaceSite } from '../support/scenario'
import { longSessions, makeTestBackend } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'

/**
 * Issue 10, item 6: gas data leaves Gatehouse as it is stored. Three hours of readings from two
 * monitors every 5 s (more than a page of the primary key per monitor), some gases missing, one
 * H2S excursion raising an alarm, and Ana inside twice (30 minutes each).
 */

const minute = 60_000
const stepMs = 5_000
const columnOf: Record<Gas, string> = { o2: 'o2_pct_vol', lel: 'lel_pct_lel', h2s: 'h2s_ppm', co: 'co_ppm' }

let t: TestBackend
let s: Awaited<ReturnType<typeof confinedSpaceSite>>
let permitId = 0
let quietPermitId = 0
let t0 = 0
const stays: { from: number; to: number }[] = []
const published: EventMessage[] = []

interface StoredReading {
  instrument: string
  taken_at: number
  o2: number | null
  lel: number | null
  h2s: number | null
  co: number | null
}

/** The readings as stored, straight from the table, in the file's order (monitor, then time). */
function storedReadings(from = 0, to = Number.MAX_SAFE_INTEGER): StoredReading[] {
  const db = new Database(t.backend.databaseFile, { readonly: true })
  try {
    return db
      .prepare(
        `select i.serial as instrument, r.taken_at, r.o2, r.lel, r.h2s, r.co from monitor_readings r
          join instruments i on i.id = r.instrument_id
         where r.permit_id = ? and r.taken_at >= ? and r.taken_at < ? order by i.serial, r.taken_at`,
      )
      .all(permitId, from, to) as StoredReading[]
  } finally {
    db.close()
  }
}

/** A stored reading as the file must give it: ISO time, epoch ms, each gas in its unit. */
const asExported = (reading: StoredReading) => ({
  time: new Date(reading.taken_at).toISOString(),
  time_ms: String(reading.taken_at),
  instrument: reading.instrument,
  ...Object.fromEntries(
    gases.map((gas) => {
      const steps = reading[gas]
      return [columnOf[gas], steps === null ? '' : String(fromSteps(gas, steps))]
    }),
  ),
})

function readCsv(file: { path: string; sha256: string }) {
  const text = fs.readFileSync(file.path, 'utf8')
  expect(createHash('sha256').update(text).digest('hex')).toBe(file.sha256)
  const heading = JSON.parse(text.split('\n')[0]?.replace(/^# /, '') ?? '{}') as Record<string, unknown>
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, comments: '#', skipEmptyLines: true })
  expect(parsed.errors).toEqual([])
  return { heading, rows: parsed.data, columns: parsed.meta.fields ?? [] }
}

const exportAs = (input: ProcedureInput<'gas.export'>) => t.ok('gas.export', input, s.tester.token)

beforeAll(async () => {
  t = makeTestBackend({ sessionPolicy: longSessions })
  s = await confinedSpaceSite(t)
  await s.registerInstrument(s.site.id, 'MX5')
  t0 = t.clock.now()
  permitId = (await s.readyPermit()).id
  quietPermitId = (await s.readyPermit({ purpose: 'Nothing measured' })).id
  for (const [enterAfter, stayFor] of [
    [30, 30],
    [30, 30],
  ] as const) {
    t.clock.advance(enterAfter * minute)
    await s.recordTest(permitId)
    const entry = await t.ok('entries.recordEntry', { permitId, person: ana }, s.attendant.token)
    t.clock.advance(stayFor * minute)
    const exit = await t.ok('entries.recordExit', { permitId, person: ana }, s.attendant.token)
    stays.push({ from: entry.at, to: exit.at })
  }
  t.clock.advance(60 * minute)
  const { token } = await t.ok('devices.create', { name: 'Gateway', siteId: s.site.id }, s.admin.token)
  const readings: Record<string, unknown>[] = []
  for (let at = t0; at < t.clock.now(); at += stepMs)
    for (const monitoredBy of ['MX4', 'MX5']) {
      const k = (at - t0) / stepMs
      readings.push({
        permitId,
        loggedAt: at,
        monitoredBy,
        oxygenPercent: Number((20.8 + (k % 5) * 0.03).toFixed(2)),
        ...(k % 10 === 0 ? {} : { lelPercent: (k % 4) * 0.5 }),
        // One excursion above the permit's 10 ppm, while nobody is inside: a medium alarm.
        h2sPpm: at === t0 + 170 * minute && monitoredBy === 'MX4' ? 12.5 : (k % 7) * 0.1,
        coPpm: Number((1 + (k % 3) * 0.2).toFixed(1)),
      })
    }
  for (let start = 0; start < readings.length; start += 1000)
    await t.ok('readings.ingest', { readings: readings.slice(start, start + 1000) }, token)
  t.backend.bus.subscribe((message) => published.push(message))
})
afterAll(() => t.dispose())

describe('exporting gas data', () => {
  it('gives a permit’s raw readings exactly as stored, with progress, audited and ending at a signed checkpoint', async () => {
    const stored = storedReadings()
    expect(stored.length).toBeGreaterThan(4000)
    const before = t.auditCount()
    const file = await exportAs({ subject: { kind: 'permit', permitId }, resolution: 'raw', format: 'csv' })
    const { heading, rows } = readCsv(file)
    expect(file.rows).toBe(stored.length)
    expect(
      rows.map(({ time, time_ms, instrument, ...rest }) => ({
        time,
        time_ms,
        instrument,
        ...Object.fromEntries(gases.map((gas) => [columnOf[gas], rest[columnOf[gas]]])),
      })),
    ).toEqual(stored.map(asExported))
    expect(heading).toMatchObject({
      subject: { kind: 'permit', permitId },
      dataset: 'readings',
      resolution: 'raw',
      units: { o2: '% vol', lel: '% LEL', h2s: 'ppm', co: 'ppm' },
      checkpoint: { seq: before, hash: file.checkpoint.hash },
    })
    expect(t.auditCount()).toBe(before + 1)
    const progress = published.filter((m) => m.name === 'exports.progress' && m.payload.exportId === file.name)
    expect(progress.length).toBeGreaterThan(2)
    expect(progress.at(-1)?.payload).toMatchObject({ written: stored.length, total: stored.length })
  })

  it('gives a time range per minute: whole minutes from the rollups, the cut ones from the readings inside', async () => {
    const from = t0 + 45 * minute + 20_000
    const to = t0 + 100 * minute + 40_000
    const file = await exportAs({
      subject: { kind: 'range', siteId: s.site.id },
      resolution: 'minute',
      format: 'json',
      from,
      to,
    })
    const body = JSON.parse(fs.readFileSync(file.path, 'utf8')) as {
      range: { from: number; to: number; fromIso: string }
      resolution: string
      rows: Record<string, number | string | boolean | null>[]
    }
    expect(body.range).toMatchObject({ from, to, fromIso: new Date(from).toISOString() })
    expect(body.resolution).toBe('minute')
    expect(body.rows).toHaveLength(file.rows)
    const inside = storedReadings(from, to)
    for (const gas of gases) {
      const counted = body.rows.reduce((sum, row) => sum + Number(row[`${columnOf[gas]}_n`]), 0)
      expect(counted, gas).toBe(inside.filter((reading) => reading[gas] !== null).length)
    }
    // Per monitor: 54 whole minutes (46 to 99) and the two cut ones at the ends.
    expect(body.rows.filter((row) => row.instrument === 'MX4')).toHaveLength(56)
    const [first] = body.rows
    expect(first).toMatchObject({ from_ms: from, whole_period: false, permit: expect.any(String) })
    const lows = inside.filter((r) => r.instrument === 'MX4' && r.taken_at < t0 + 46 * minute).map((r) => r.co ?? 0)
    expect(first?.co_ppm_min).toBe(fromSteps('co', Math.min(...lows)))
  })

  it('gives a person’s readings only while they were inside', async () => {
    const file = await exportAs({
      subject: { kind: 'person', personKey: 'name:ana silva' },
      resolution: 'raw',
      format: 'csv',
    })
    const { heading, rows } = readCsv(file)
    const inside = stays.flatMap((stay) => storedReadings(stay.from, stay.to))
    expect(inside.length).toBeGreaterThan(1000)
    expect(rows.map((row) => Number(row.time_ms)).sort()).toEqual(inside.map((r) => r.taken_at).sort())
    for (const row of rows)
      expect(stays.some((stay) => Number(row.time_ms) >= stay.from && Number(row.time_ms) < stay.to)).toBe(true)
    expect(heading.stays).toHaveLength(2)
  })

  it('gives the alarms raised in the range', async () => {
    const file = await exportAs({ subject: { kind: 'permit', permitId }, dataset: 'alarms', format: 'csv' })
    const { rows } = readCsv(file)
    expect(rows).toEqual([
      expect.objectContaining({
        raised_at_ms: String(t0 + 170 * minute),
        gas: 'h2s',
        value: '12.5',
        unit: 'ppm',
        instrument: 'MX4',
      }),
    ])
    // Ana was outside when it was raised.
    const hers = await exportAs({
      subject: { kind: 'person', personKey: 'name:ana silva' },
      dataset: 'alarms',
      format: 'csv',
    })
    expect(hers.rows).toBe(0)
  })

  it('gives each shift’s exposure as the exposure page computes it, for the person and for the permit they were in', async () => {
    const personKey = 'name:ana silva'
    const { shifts } = await t.ok('exposure.person', { personKey, from: t0, to: t.clock.now() }, s.tester.token)
    expect(shifts).toHaveLength(1)
    const expected = (shifts[0]?.gases ?? []).map((gas) => ({
      person_key: personKey,
      shift_start_ms: String(shifts[0]?.startsAt),
      gas: gas.gas,
      twa_ppm: String(gas.twa),
      stel_ppm: String(gas.stel),
      minutes_without_readings: String(gas.minutesWithoutReadings),
    }))
    expect(expected.map((row) => row.gas)).toEqual(['h2s', 'co'])
    for (const subject of [
      { kind: 'person', personKey },
      { kind: 'permit', permitId },
    ] as const) {
      const { rows } = readCsv(await exportAs({ subject, dataset: 'exposure', format: 'csv', from: t0 }))
      expect(
        rows.map((row) => ({
          person_key: row.person_key,
          shift_start_ms: row.shift_start_ms,
          gas: row.gas,
          twa_ppm: row.twa_ppm,
          stel_ppm: row.stel_ppm,
          minutes_without_readings: row.minutes_without_readings,
        })),
      ).toEqual(expected)
    }
  })

  it('names its columns even when there are no rows', async () => {
    for (const [dataset, resolution, column] of [
      ['readings', 'raw', 'h2s_ppm'],
      ['readings', 'hour', 'h2s_ppm_mean'],
      ['alarms', 'raw', 'raised_at'],
    ] as const) {
      const file = await exportAs({
        subject: { kind: 'permit', permitId: quietPermitId },
        dataset,
        resolution,
        format: 'csv',
      })
      const text = fs.readFileSync(file.path, 'utf8')
      expect(file.rows).toBe(0)
      expect(text.split('\n').slice(1)).toEqual([expect.stringContaining(column), ''])
    }
  })

  it('is refused to someone whose roles do not take gas data away, and a range needs its start', async () => {
    const entrant = await t.userWithRoles(s.admin.token, 'eve', ['entrant'])
    const refused = await t.call('gas.export', { subject: { kind: 'permit', permitId }, format: 'csv' }, entrant.token)
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const before = t.snapshot()
    const invalid = await t.call('gas.export', { subject: { kind: 'range' }, format: 'csv' }, s.tester.token)
    expect(invalid).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', issues: [{ field: 'from', message: 'is required for a time range' }] },
    })
    expect(t.snapshot()).toBe(before)
  })
})
