import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TrendDto } from '../../src/shared/contract/trends'
import { confinedSpaceSite } from '../support/scenario'
import { longSessions, makeTestBackend } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'

/**
 * Issue 10, item 2: trend queries over the real readings and rollups. Three hours of one monitor
 * at 1 Hz: clean air, a five-minute silence, one H2S reading of 15 ppm, and Ana inside for the
 * first 8,000 seconds. Each window must show the spike, the silence as a gap, at most four points a
 * pixel column, and the same column extremes as the readings themselves.
 */

const second = 1000
let t: TestBackend
let s: Awaited<ReturnType<typeof confinedSpaceSite>>
let permitId = 0
let start = 0
const gap = { from: 3600 * second, to: 3900 * second }
const spikeAt = 9000 * second

beforeAll(async () => {
  t = makeTestBackend({ sessionPolicy: longSessions })
  s = await confinedSpaceSite(t)
  permitId = (await s.readyPermit()).id
  const token = (await t.ok('devices.create', { name: 'Gateway', siteId: s.site.id }, s.admin.token)).token
  start = t.clock.now()
  await t.ok('entries.recordEntry', { permitId, person: { name: 'Ana Silva' } }, s.attendant.token)
  for (let batch = 0; batch < 11; batch++) {
    t.clock.advance(1000 * second)
    if (batch === 7) await t.ok('entries.recordExit', { permitId, person: { name: 'Ana Silva' } }, s.attendant.token)
    const readings = []
    for (let i = 0; i < 1000; i++) {
      const offset = (batch * 1000 + i) * second
      if (offset >= gap.from && offset < gap.to) continue
      readings.push({
        permitId,
        loggedAt: start + offset,
        monitoredBy: 'MX4',
        oxygenPercent: 20.9,
        lelPercent: 0,
        h2sPpm: offset === spikeAt ? 15 : (i % 5) / 10,
        coPpm: 2,
      })
    }
    await t.ok('readings.ingest', { readings }, token)
  }
})
afterAll(() => t.dispose())

const query = (from: number, to: number, width: number, subject: TrendDto['subject'] = { kind: 'permit', permitId }) =>
  t.ok('trends.query', { subject, from, to, width }, s.supervisor.token)

const pointsOf = (series: TrendDto['series'][number]) =>
  series.times.map((at, index): [number, number | null] => [at, series.values[index] ?? null])
const h2sOf = (trend: TrendDto) => {
  const series = trend.series.find((one) => one.gas === 'h2s')
  return series ? pointsOf(series) : []
}
const highest = (points: [number, number | null][]) => Math.max(...points.map(([, v]) => v ?? -Infinity))

function expectAtMostFourPerColumn(trend: TrendDto) {
  for (const series of trend.series) {
    const perColumn = new Map<number, number>()
    for (const [at, value] of pointsOf(series)) {
      if (value === null) continue
      const column = Math.floor((at - trend.from) / trend.columnMs)
      perColumn.set(column, (perColumn.get(column) ?? 0) + 1)
    }
    expect(Math.max(...perColumn.values())).toBeLessThanOrEqual(4)
  }
}

describe('trend queries', () => {
  it('show fifteen minutes from the readings themselves, each column’s extremes as stored', async () => {
    const from = start + spikeAt - 600 * second
    const to = from + 15 * 60 * second
    const trend = await query(from, to, 300)
    expect(trend.resolution).toBe('raw')
    expect(trend.series.map((series) => series.gas).sort()).toEqual(['co', 'h2s', 'lel', 'o2'])
    expectAtMostFourPerColumn(trend)
    expect(highest(h2sOf(trend))).toBe(15)
    // Column by column, the highest H2S drawn is the highest stored.
    const db = new Database(t.backend.databaseFile, { readonly: true })
    const stored = db
      .prepare('select taken_at, h2s from monitor_readings where permit_id = ? and taken_at between ? and ?')
      .all(permitId, from, to) as { taken_at: number; h2s: number }[]
    db.close()
    const columnOf = (at: number) => Math.floor((at - from) / trend.columnMs)
    for (const column of new Set(stored.map((row) => columnOf(row.taken_at)))) {
      const truth = Math.max(...stored.filter((row) => columnOf(row.taken_at) === column).map((row) => row.h2s)) / 10
      expect(highest(h2sOf(trend).filter(([at]) => columnOf(at) === column))).toBe(truth)
    }
  })

  it('draw a five-minute silence as a gap, in raw readings and in rollups alike', async () => {
    const raw = await query(start + gap.from - 600 * second, start + gap.to + 600 * second, 400)
    expect(raw.resolution).toBe('raw')
    const nulls = h2sOf(raw).filter(([, value]) => value === null)
    expect(nulls).toHaveLength(1)
    expect(nulls[0]?.[0]).toBeGreaterThan(start + gap.from)
    expect(nulls[0]?.[0]).toBeLessThan(start + gap.to)
    const minutes = await query(start, start + 3 * 3600 * second, 200)
    expect(minutes.resolution).toBe('minute')
    expect(h2sOf(minutes).filter(([, value]) => value === null)).toHaveLength(1)
  })

  it('keep a one-reading spike at every zoom, from three hours to a year', async () => {
    const now = t.clock.now()
    for (const [span, resolution] of [
      [3 * 3600 * second, 'minute'],
      [7 * 86_400 * second, 'hour'],
      [30 * 86_400 * second, 'hour'],
      [365 * 86_400 * second, 'day'],
    ] as const) {
      const trend = await query(now - span, now, 1920)
      expect(trend.resolution).toBe(resolution)
      expect(highest(h2sOf(trend))).toBe(15)
      expectAtMostFourPerColumn(trend)
    }
  })

  it('mark the alarm and shade the time someone was inside', async () => {
    const trend = await query(start, t.clock.now(), 500)
    expect(trend.alarms).toEqual([expect.objectContaining({ gas: 'h2s', at: start + spikeAt })])
    expect(trend.occupied).toEqual([{ from: start, to: start + 8000 * second, permitNumber: expect.any(String) }])
    expect(trend.bands).toContainEqual(expect.objectContaining({ gas: 'h2s', level: 'high', value: 20 }))
  })

  it('give the same series for the permit, its space and its instrument', async () => {
    const from = start
    const to = start + 3 * 3600 * second
    const byPermit = await query(from, to, 400)
    const bySpace = await query(from, to, 400, { kind: 'space', spaceId: s.space.id })
    const byInstrument = await query(from, to, 400, { kind: 'instrument', instrumentId: s.instrument.id })
    expect(bySpace.series).toEqual(byPermit.series)
    expect(byInstrument.series).toEqual(byPermit.series)
    expect(bySpace.title).toContain('TK-101')
  })

  it('refuse a window shorter than a minute or longer than 366 days, naming the field', async () => {
    for (const to of [start + 30 * second, start + 367 * 86_400 * second]) {
      const result = await t.call(
        'trends.query',
        { subject: { kind: 'permit', permitId }, from: start, to, width: 500 },
        s.supervisor.token,
      )
      expect(result.ok ? null : result.error).toMatchObject({ code: 'VALIDATION', issues: [{ field: 'to' }] })
    }
  })

  it('read only the permits whose readings fall in the window, for an instrument that served several', async () => {
    const space = await t.ok(
      'spaces.create',
      { siteId: s.site.id, tag: 'TK-102', name: 'Tank 102', classification: 'permit_required' },
      s.supervisor.token,
    )
    const earlier = await s.readyPermit({ spaceId: space.id })
    const token = (await t.ok('devices.create', { name: 'Gateway 2', siteId: s.site.id }, s.admin.token)).token
    // Two days before the first permit's readings, the same monitor served the other permit.
    const twoDaysBefore = start - 2 * 86_400 * second
    const readings = Array.from({ length: 60 }, (_, i) => ({
      permitId: earlier.id,
      loggedAt: twoDaysBefore + i * 60 * second,
      monitoredBy: 'MX4',
      h2sPpm: 3,
    }))
    await t.ok('readings.ingest', { readings }, token)
    const instrument = { kind: 'instrument', instrumentId: s.instrument.id } as const
    const recent = await query(start, start + 3 * 3600 * second, 400, instrument)
    expect(new Set(recent.series.map((series) => series.permitId))).toEqual(new Set([permitId]))
    const week = await query(start - 7 * 86_400 * second, t.clock.now(), 400, instrument)
    expect(new Set(week.series.map((series) => series.permitId))).toEqual(new Set([permitId, earlier.id]))
  })

  // Last: it removes the readings, as retention does for a permit closed long ago.
  it('fall back to the minute rollups for a short window once the readings themselves are gone', async () => {
    const db = new Database(t.backend.databaseFile)
    db.prepare('delete from monitor_readings where permit_id = ?').run(permitId)
    db.close()
    const from = start + spikeAt - 600 * second
    const trend = await query(from, from + 15 * 60 * second, 300)
    expect(trend.resolution).toBe('minute')
    expect(highest(h2sOf(trend))).toBe(15)
  })
})
