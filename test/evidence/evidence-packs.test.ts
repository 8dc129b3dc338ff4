import { createHash } from 'node:crypto'
import fs from 'node:fs'
import Database from 'better-sqlite3'
import { strFromU8, unzipSync } from 'fflate'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hashAuditContent } from '../../src/main/audit/audit-chain'
import type { AuditContent } from '../../src/main/audit/audit-chain'
import { verifyAuditTrail } from '../../src/main/audit/audit-verifier'
import { checkpointProblem } from '../../src/main/audit/checkpoint'
import type { SignedCheckpoint } from '../../src/main/audit/checkpoint'
import type { PermitDetailDto } from '../../src/shared/contract/permits'
import { ana, confinedSpaceSite } from '../support/scenario'
import { longSessions, makeTestBackend, testPassword } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'

const hour = 3_600_000
let t: TestBackend
let s: Awaited<ReturnType<typeof confinedSpaceSite>>
let closed = { id: 0, number: '' }

const unzip = (file: string) => {
  const files = unzipSync(fs.readFileSync(file))
  return { names: Object.keys(files).sort(), text: (name: string) => strFromU8(files[name] ?? new Uint8Array()), files }
}

beforeAll(async () => {
  t = makeTestBackend({ sessionPolicy: longSessions })
  s = await confinedSpaceSite(t)
  closed = await s.readyPermit()
  await t.ok('entries.recordEntry', { permitId: closed.id, person: ana }, s.attendant.token)
  // Cleo is not on the permit: the interlock refuses her, and the refusal is evidence too.
  await t.call('entries.recordEntry', { permitId: closed.id, person: { name: 'Cleo Stranger' } }, s.attendant.token)
  t.clock.advance(hour)
  await s.recordTest(closed.id)
  await t.ok('entries.recordExit', { permitId: closed.id, person: ana }, s.attendant.token)
  await t.ok(
    'permits.transition',
    { permitId: closed.id, action: 'close', closeOutNotes: 'Ventilation fan tripped twice; replaced.' },
    s.supervisor.token,
  )
})
afterAll(() => t.dispose())

describe('a permit’s evidence pack', () => {
  it('holds every (f) field, the signature, every test and entry, and the sums of every file', async () => {
    const pack = await t.ok('evidence.permitPack', { permitId: closed.id }, s.supervisor.token)
    const { names, text, files } = unzip(pack.path)
    expect(names).toEqual([
      'README.txt',
      'SHA256SUMS',
      'audit-entries.json',
      'checkpoint.json',
      'entries.csv',
      'permit.json',
      'tests.csv',
    ])
    const record = JSON.parse(text('permit.json')) as {
      permit: PermitDetailDto
      readingsSummary: { gas: string; readings: number }[]
    }
    const live = await t.ok('permits.get', { permitId: closed.id }, s.supervisor.token)
    const { allowedActions: _ignored, ...expected } = live
    expect(record.permit).toEqual(expected)
    for (const field of [
      'purpose',
      'hazards',
      'isolationMeasures',
      'conditions',
      'rescueService',
      'rescueContact',
      'communicationMethod',
      'equipment',
      'otherSafetyInfo',
      'closeOutNotes',
    ])
      expect(record.permit.fields).toHaveProperty(field)
    expect(record.permit.authorization?.statement).toMatch(/authorize/i)
    expect(record.permit.tests).toHaveLength(2)
    expect(record.readingsSummary.find((g) => g.gas === 'o2')?.readings).toBe(2)
    const entries = Papa.parse<Record<string, string>>(text('entries.csv'), { header: true, skipEmptyLines: true }).data
    expect(entries.map((e) => e.personName)).toEqual(['Ana Silva'])
    expect(Papa.parse(text('tests.csv'), { header: true, skipEmptyLines: true }).data).toHaveLength(2)
    for (const line of text('SHA256SUMS').trim().split('\n')) {
      const [sum, name] = line.split('  ')
      expect(
        createHash('sha256')
          .update(files[name ?? ''] ?? new Uint8Array())
          .digest('hex'),
        name,
      ).toBe(sum)
    }
    expect(createHash('sha256').update(fs.readFileSync(pack.path)).digest('hex')).toBe(pack.sha256)
  })

  it('holds the audit entries that touched the permit, each verifying against the pack’s checkpoint', async () => {
    const pack = await t.ok('evidence.permitPack', { permitId: closed.id }, s.supervisor.token)
    const { text } = unzip(pack.path)
    const checkpoint = JSON.parse(text('checkpoint.json')) as SignedCheckpoint
    const entries = JSON.parse(text('audit-entries.json')) as (AuditContent & { hash: string })[]
    expect(entries.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'permit.created',
        'permit.submit',
        'permit.authorized',
        'entry.recorded',
        'entry.refused',
        'exit.recorded',
        'permit.close',
      ]),
    )
    expect(checkpointProblem(checkpoint, new Set([checkpoint.keyId]))).toBeNull()
    for (const entry of entries) {
      expect(entry.seq).toBeLessThanOrEqual(checkpoint.seq)
      expect(hashAuditContent(entry), `entry ${String(entry.seq)}`).toBe(entry.hash)
    }
    const sqlite = new Database(t.backend.databaseFile, { readonly: true })
    const verification = await verifyAuditTrail(sqlite, {
      checkpoints: [checkpoint],
      trustedKeyIds: new Set([checkpoint.keyId]),
    })
    const hashes = sqlite
      .prepare('select seq, hash from audit_entries where seq in (select value from json_each(?))')
      .all(JSON.stringify(entries.map((e) => e.seq)))
    sqlite.close()
    expect(verification).toMatchObject({ intact: true, checkpoints: { problems: [] } })
    expect(hashes).toEqual(entries.map((e) => ({ seq: e.seq, hash: e.hash })))
  })

  it('holds the printed permit when the desktop window prints it', async () => {
    const pdf = new TextEncoder().encode('%PDF-1.7 printed by the window')
    const host = { exportPdf: () => Promise.resolve(null), printPdf: () => Promise.resolve(pdf) }
    const { result } = await t.backend.dispatch(
      'evidence.permitPack',
      { permitId: closed.id },
      { token: s.supervisor.token, host },
    )
    if (!result.ok) throw new Error(result.error.message)
    const { files } = unzip((result.value as { path: string }).path)
    expect(files['permit.pdf']).toEqual(pdf)
  })
})

describe('the annual programme review pack', () => {
  it('holds every permit closed or cancelled in the year and no other, with the problems noted at close-out', async () => {
    const cancelled = await s.readyPermit()
    await t.ok(
      'permits.transition',
      { permitId: cancelled.id, action: 'cancel', reason: 'Work postponed' },
      s.supervisor.token,
    )
    const stillOpen = await s.readyPermit()
    // Into the next year: a permit closed then belongs to that year's review.
    const nextYear = Date.UTC(2027, 0, 1, 9)
    t.clock.advance(nextYear - t.clock.now())
    // A new year, a new shift: everyone signs in again.
    for (const [person, username] of [
      [s.supervisor, 'sue'],
      [s.attendant, 'art'],
      [s.tester, 'tess'],
    ] as const)
      person.token = (await t.ok('auth.login', { username, password: testPassword })).token
    s.admin.token = (await t.ok('auth.login', { username: 'ada', password: s.adminPassword })).token
    await s.registerInstrument(s.site.id, 'MX4-2027')
    const lateOne = await s.readyPermit()
    await t.ok(
      'permits.transition',
      { permitId: lateOne.id, action: 'close', closeOutNotes: 'No problems met.' },
      s.supervisor.token,
    )

    const review = await t.ok('evidence.annualReview', { year: 2026 }, s.tester.token)
    const { names, text } = unzip(review.path)
    expect(names).toEqual([
      'SHA256SUMS',
      'alarms.csv',
      'checkpoint.json',
      'evacuations.csv',
      'exposure-exceedances.csv',
      'permits.csv',
      'refusals.csv',
      'report.html',
    ])
    const permits = Papa.parse<Record<string, string>>(text('permits.csv'), { header: true, skipEmptyLines: true }).data
    expect(permits.map((p) => [p.number, p.outcome])).toEqual([
      [closed.number, 'closed'],
      [cancelled.number, 'cancelled'],
    ])
    expect(review.rows).toBe(2)
    expect(permits[0]?.problemsNotedAtCloseOut).toBe('Ventilation fan tripped twice; replaced.')
    expect(permits[0]?.refusals).toBe('1')
    const refusals = Papa.parse<Record<string, string>>(text('refusals.csv'), {
      header: true,
      skipEmptyLines: true,
    }).data
    expect(refusals.map((r) => [r.permit, r.person])).toEqual([[closed.number, 'Cleo Stranger']])
    const report = text('report.html')
    expect(report).toContain('Ventilation fan tripped twice; replaced.')
    expect(report).toContain('2 permits ended: 1 closed, 1 cancelled.')
    expect(report).not.toContain(stillOpen.number)
    expect(report).not.toContain(lateOne.number)

    const next = await t.ok('evidence.annualReview', { year: 2027 }, s.tester.token)
    const nextPermits = Papa.parse<Record<string, string>>(unzip(next.path).text('permits.csv'), {
      header: true,
      skipEmptyLines: true,
    }).data
    expect(nextPermits.map((p) => p.number)).toEqual([lateOne.number])
    // A file with no rows still names its columns.
    expect(unzip(next.path).text('refusals.csv')).toBe('permit,at,person,unmet,recordedBy\n')

    // The year as a site in Honolulu keeps it ends ten hours after UTC's: the permit closed at 09:00
    // UTC on January 1 was closed on December 31 there.
    const numbersIn = async (year: number, timeZone: string) => {
      const pack = await t.ok('evidence.annualReview', { year, timeZone }, s.tester.token)
      const { text: read } = unzip(pack.path)
      const rows = Papa.parse<Record<string, string>>(read('permits.csv'), { header: true, skipEmptyLines: true })
      return { numbers: rows.data.map((p) => p.number), report: read('report.html') }
    }
    const honolulu = await numbersIn(2026, 'Pacific/Honolulu')
    expect(honolulu.numbers).toEqual([closed.number, cancelled.number, lateOne.number])
    expect(honolulu.report).toContain('in Pacific/Honolulu\n(2026-01-01T10:00:00.000Z to 2027-01-01T10:00:00.000Z)')
    expect((await numbersIn(2027, 'Pacific/Honolulu')).numbers).toEqual([])
    // East of UTC the year begins earlier: the same permit is 2027's in Berlin, as in UTC.
    expect((await numbersIn(2027, 'Europe/Berlin')).numbers).toEqual([lateOne.number])

    // A zone no calendar has is refused, naming the field, and nothing is written.
    const entriesBefore = t.auditCount()
    const refused = await t.call('evidence.annualReview', { year: 2026, timeZone: 'Mars/Olympus_Mons' }, s.tester.token)
    expect(refused.ok).toBe(false)
    if (!refused.ok) {
      expect(refused.error.code).toBe('VALIDATION')
      expect(refused.error.message).toMatch(/timeZone.*IANA time zone/)
    }
    expect(t.auditCount()).toBe(entriesBefore)
  })
})
