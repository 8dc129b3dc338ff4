import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventMessage } from '../../src/shared/contract/events'
import { confinedSpaceSite } from '../support/scenario'
import { longSessions, makeTestBackend } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'
import { importFile, sha256, stageFile } from './import-file'

/**
 * Issue 10, item 5: a safety officer imports the datalog of a monitor that was not online. The
 * permit is drafted at 08:00Z; the console's clock stands at 10:00Z; the files hold readings of
 * the morning, so they are history.
 */

const hour = 3_600_000
const at = (time: string) => Date.parse(`2026-11-21T${time}Z`)

function read<T>(t: TestBackend, sql: string, ...params: unknown[]): T[] {
  const db = new Database(t.backend.databaseFile, { readonly: true })
  try {
    return db.prepare(sql).all(...params) as T[]
  } finally {
    db.close()
  }
}

/** What an import must leave alone when it stores nothing. */
const readingTables = [
  'monitor_readings',
  'reading_rollups_minute',
  'reading_rollups_hour',
  'live_values',
  'alarms',
  'audit_entries',
]
const written = (t: TestBackend) => JSON.stringify(readingTables.map((table) => read(t, `select * from ${table}`)))

describe('datalog import', () => {
  let t: TestBackend
  let s: Awaited<ReturnType<typeof confinedSpaceSite>>
  let permit: { id: number; number: string }

  beforeAll(async () => {
    t = makeTestBackend({ sessionPolicy: longSessions })
    s = await confinedSpaceSite(t)
    permit = await s.readyPermit()
    t.clock.advance(2 * hour)
  })
  afterAll(() => t.dispose())

  const header = 'Date/Time,Serial,O2 (%VOL),LEL (%LEL),H2S (PPM),CO (PPM)'

  it('stores a good file as history: every reading with its rollups, no alarm, one audit entry saying what was found', async () => {
    const csv = [
      header,
      '2026-11-21T08:10:00Z,MX4,20.9,0,0,1',
      '2026-11-21T08:10:15Z,MX4,20.8,0,12,2',
      '2026-11-21T08:10:30Z,MX4,20.9,0.5,25,40',
      '2026-11-21T08:10:45Z,MX4,20.9,0,,3',
      '',
    ].join('\n')
    const alarmsBefore = read(t, 'select id from alarms').length
    const audited = t.auditCount()
    const { begin, issues, commit } = await importFile(t, s.tester.token, csv, {
      fileName: 'MX4 morning.csv',
      permitId: permit.id,
    })
    expect(begin.kind).toBe('opened')
    expect(issues).toEqual([])
    expect(commit).toEqual({
      ok: true,
      value: expect.objectContaining({
        fileName: 'MX4 morning.csv',
        fileSha256: sha256(csv),
        rows: 4,
        stored: 4,
        alreadyStored: 0,
        permits: [permit.number],
        from: at('08:10:00'),
        to: at('08:10:45'),
        breaches: [
          { gas: 'h2s', level: 'high', count: 1 },
          { gas: 'h2s', level: 'low', count: 1 },
          { gas: 'co', level: 'low', count: 1 },
        ],
      }),
    })
    const readings = read<{ taken_at: number; h2s: number | null; flags: number }>(
      t,
      'select taken_at, h2s, flags from monitor_readings where permit_id = ? order by taken_at',
      permit.id,
    )
    expect(readings).toEqual([
      { taken_at: at('08:10:00'), h2s: 0, flags: 2 },
      { taken_at: at('08:10:15'), h2s: 120, flags: 2 },
      { taken_at: at('08:10:30'), h2s: 250, flags: 2 },
      { taken_at: at('08:10:45'), h2s: null, flags: 2 },
    ])
    // One minute of H2S: three readings, 0 to 25 ppm (storage steps of 0.1 ppm).
    expect(
      read(t, 'select n, low, high, total from reading_rollups_minute where permit_id = ? and gas = 2', permit.id),
    ).toEqual([{ n: 3, low: 0, high: 250, total: 370 }])
    expect(read(t, 'select value, taken_at from live_values where permit_id = ? and gas = 0', permit.id)).toEqual([
      { value: 2090, taken_at: at('08:10:45') },
    ])
    // History raises nothing: the breaches are counted, not alarmed; the permit is as it was.
    expect(read(t, 'select id from alarms')).toHaveLength(alarmsBefore)
    expect((await t.ok('permits.get', { permitId: permit.id }, s.supervisor.token)).card.state).toBe('authorized')
    expect(t.auditCount()).toBe(audited + 1)
    const [entry] = read<{ action: string; actor_name: string; after: string }>(
      t,
      'select action, actor_name, after from audit_entries order by seq desc limit 1',
    )
    expect(entry?.action).toBe('datalog.imported')
    expect(entry?.actor_name).toBe('tess')
    expect(JSON.parse(entry?.after ?? '{}')).toMatchObject({
      file: 'MX4 morning.csv',
      fileSha256: sha256(csv),
      rows: 4,
      stored: 4,
      alreadyStored: 0,
      permits: [permit.number],
      breaches: [
        { gas: 'h2s', level: 'high', count: 1 },
        { gas: 'h2s', level: 'low', count: 1 },
        { gas: 'co', level: 'low', count: 1 },
      ],
    })
  })

  it('stores nothing from a file with bad rows, and names every bad row by its row number in the file and its field', async () => {
    const csv = [
      'Time,SN,O2,LEL,H2S,CO,Permit',
      `2026-11-21T08:20:00Z,MX4,20.9,0,0,1,${permit.number}`,
      `2026-11-21 08:20:15,MX4,20.9,0,0,1,${permit.number}`,
      `2026-11-21T08:20:30Z,XX-9,20.9,0,0,1,${permit.number}`,
      '',
      `2026-11-21T08:20:45Z,MX4,35,0,0,1,${permit.number}`,
      `2026-11-21T08:21:00Z,MX4,20.9,0,0,n/a,${permit.number}`,
      `2026-11-21T07:00:00Z,MX4,20.9,0,0,1,${permit.number}`,
      `2026-11-21T12:00:00Z,MX4,20.9,0,0,1,${permit.number}`,
      `2026-11-21T08:21:15Z,MX4,20.9,0,1.25,1,${permit.number}`,
      `2026-11-21T08:21:30Z,MX4,,,,,${permit.number}`,
      '2026-11-21T08:21:45Z,MX4,20.9,0,0,1,CSE-NOPE-2026-0001',
      `2026-11-21T08:22:00Z,MX4,20.9,0,0,1,${String(permit.id)}`,
    ].join('\n')
    const before = written(t)
    const { issues, commit } = await importFile(t, s.tester.token, csv, { chunk: 4 })
    expect(issues.map(({ line, field, rule }) => ({ line, field, rule }))).toEqual([
      { line: 3, field: 'time', rule: 'time_zone' },
      { line: 4, field: 'serial', rule: 'registered' },
      { line: 6, field: 'o2', rule: 'too_big' },
      { line: 7, field: 'co', rule: 'number' },
      { line: 8, field: 'time', rule: 'within_permit' },
      { line: 9, field: 'time', rule: 'not_future' },
      { line: 10, field: 'h2s', rule: 'not_multiple_of' },
      { line: 11, field: 'o2', rule: 'custom' },
      { line: 12, field: 'permit', rule: 'exists' },
    ])
    expect(issues[0]?.message).toMatch(/has no time zone: add the offset/)
    expect(issues[4]?.message).toMatch(new RegExp(`is before permit ${permit.number} was drafted`))
    expect(commit).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(written(t)).toBe(before)
    expect(read(t, 'select * from datalog_import_rows')).toEqual([])
  })

  it('stores nothing the second time the same file comes, and says when and by whom it was imported', async () => {
    const csv = [header, '2026-11-21T08:30:00Z,MX4,20.9,0,0,1', '2026-11-21T08:30:15Z,MX4,20.9,0,0,1'].join('\n')
    const first = await importFile(t, s.tester.token, csv, { fileName: 'first.csv', permitId: permit.id })
    expect(first.commit).toMatchObject({ ok: true, value: { stored: 2 } })
    const importedAt = t.clock.now()
    t.clock.advance(60_000)
    const before = written(t)
    const second = await importFile(t, s.supervisor.token, csv, { fileName: 'again.csv', permitId: permit.id })
    expect(second.begin).toEqual({
      kind: 'imported_before',
      importId: first.begin.kind === 'opened' ? first.begin.importId : 0,
      fileName: 'first.csv',
      importedAt,
      importedBy: 'tess',
      stored: 2,
    })
    expect(second.commit).toBeNull()
    expect(written(t)).toBe(before)
  })

  it('stores only the new readings of a file that overlaps one imported before', async () => {
    const rows = ['08:40:00', '08:40:15', '08:40:30', '08:40:45'].map((time) => `2026-11-21T${time}Z,MX4,20.9,0,0,1`)
    await importFile(t, s.tester.token, [header, ...rows.slice(0, 3)].join('\n'), { permitId: permit.id })
    const overlapping = await importFile(t, s.tester.token, [header, ...rows.slice(1)].join('\n'), {
      permitId: permit.id,
    })
    expect(overlapping.commit).toMatchObject({ ok: true, value: { rows: 3, stored: 1, alreadyStored: 2 } })
    expect(
      read(
        t,
        'select count(*) as n from monitor_readings where taken_at between ? and ?',
        at('08:40:00'),
        at('08:40:45'),
      ),
    ).toEqual([{ n: 4 }])
  })

  it('reads a time with a zone offset as the instant it names', async () => {
    const csv = [
      'Timestamp,Serial,O2,H2S',
      '2026-11-21T14:20:00+05:30,MX4,20.9,0',
      '2026-11-21T04:50:15-04:00,MX4,20.8,0',
      '2026-11-21 08:50:30 +0000,MX4,20.7,0',
      `${String(at('08:50:45') / 1000)},MX4,20.6,0`,
      String(at('08:51:00')) + ',MX4,20.5,0',
    ].join('\n')
    const { commit } = await importFile(t, s.tester.token, csv, { permitId: permit.id })
    expect(commit).toMatchObject({ ok: true, value: { stored: 5 } })
    expect(
      read(
        t,
        'select taken_at, o2 from monitor_readings where taken_at between ? and ? order by taken_at',
        at('08:50:00'),
        at('08:51:00'),
      ),
    ).toEqual([
      { taken_at: at('08:50:00'), o2: 2090 },
      { taken_at: at('08:50:15'), o2: 2080 },
      { taken_at: at('08:50:30'), o2: 2070 },
      { taken_at: at('08:50:45'), o2: 2060 },
      { taken_at: at('08:51:00'), o2: 2050 },
    ])
  })

  it('is its person’s own: nobody else may stage, commit or discard it', async () => {
    const { begin } = await stageFile(t, s.tester.token, [header, '2026-11-21T09:00:00Z,MX4,20.9,0,0,1'].join('\n'), {
      permitId: permit.id,
    })
    if (begin.kind !== 'opened') throw new Error('expected a new import')
    const other = await t.call('datalog.commit', { importId: begin.importId, rows: 1 }, s.supervisor.token)
    expect(other).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await t.ok('datalog.discard', { importId: begin.importId }, s.tester.token)).toEqual({ discarded: true })
    expect(read(t, 'select id from datalog_imports where id = ?', begin.importId)).toEqual([])
  })
})

describe('a datalog import interrupted by a crash', () => {
  it('is finished at the next start-up: every reading stored once, one audit entry', async () => {
    // Three readings a chunk; after the first chunk the process "freezes" for good, then dies.
    const t = makeTestBackend({
      sessionPolicy: longSessions,
      datalog: { commitChunkRows: 3, afterCommitChunk: () => new Promise<never>(() => {}) },
    })
    const s = await confinedSpaceSite(t)
    const permit = await s.readyPermit()
    t.clock.advance(2 * hour)
    const rows = Array.from(
      { length: 10 },
      (_, i) => `${String(at('08:10:00') + i * 15_000)},MX4,20.9,0,0,${String(i)}`,
    )
    const csv = ['Time,Serial,O2,LEL,H2S,CO', ...rows].join('\n')
    const { begin } = await stageFile(t, s.tester.token, csv, { permitId: permit.id })
    if (begin.kind !== 'opened') throw new Error('expected a new import')
    const progress: EventMessage[] = []
    const firstChunk = new Promise<void>((resolve) =>
      t.backend.bus.subscribe((message) => {
        if (message.name === 'datalog.progress') {
          progress.push(message)
          resolve()
        }
      }),
    )
    void t.call('datalog.commit', { importId: begin.importId, rows: 10 }, s.tester.token)
    await firstChunk
    expect(progress.map((message) => message.payload)).toEqual([expect.objectContaining({ moved: 3, total: 10 })])
    expect(read(t, 'select count(*) as n from monitor_readings')).toEqual([{ n: 3 }])
    const audited = t.auditCount()
    t.backend.close()

    const restarted = makeTestBackend({ dataDir: t.dataDir, clock: t.clock, sessionPolicy: longSessions })
    try {
      await restarted.backend.datalogResumed
      expect(read(restarted, 'select count(*) as n from monitor_readings')).toEqual([{ n: 10 }])
      expect(read(restarted, 'select sum(n) as n from reading_rollups_minute where gas = 3')).toEqual([{ n: 10 }])
      expect(read(restarted, 'select status, stored, already_stored from datalog_imports')).toEqual([
        { status: 'committed', stored: 10, already_stored: 0 },
      ])
      expect(read(restarted, 'select * from datalog_import_rows')).toEqual([])
      // Of the entries since the crash (start-up writes its own), one is the import's, by its person.
      expect(
        read(restarted, "select actor_name from audit_entries where seq > ? and action like 'datalog.%'", audited),
      ).toEqual([{ actor_name: 'tess' }])
    } finally {
      restarted.dispose()
      t.dispose()
    }
  })
})
