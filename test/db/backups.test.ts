import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkDatabaseFile } from '../../src/main/db/database-file-check'
import { beyondKept } from '../../src/main/system/backup-rules'
import { longSessions, makeTestBackend } from '../support/test-backend'

const hour = 3_600_000
const t = makeTestBackend({ sessionPolicy: longSessions })
let admin = ''
beforeAll(async () => {
  admin = (await t.setupAdmin()).token
})
afterAll(() => t.dispose())

const backupsDir = () => path.join(t.dataDir, 'backups')
const listed = () => t.ok('system.backups', { limit: 50, offset: 0 }, admin)

/** A check of a file as the backup service runs it: read-only. */
function checkFile(file: string) {
  const sqlite = new Database(file, { readonly: true, fileMustExist: true })
  try {
    return checkDatabaseFile(sqlite)
  } finally {
    sqlite.close()
  }
}

describe('scheduled backups', () => {
  it('start daily with the newest 14 kept, until an administrator changes the schedule (audited)', async () => {
    expect((await listed()).schedule).toEqual({ everyHours: 24, keepScheduled: 14, updatedAt: null })
    const before = t.auditCount()
    const saved = await t.ok('system.setBackupSchedule', { everyHours: 6, keepScheduled: 2 }, admin)
    expect(saved).toEqual({ everyHours: 6, keepScheduled: 2, updatedAt: t.clock.now() })
    expect(t.auditCount()).toBe(before + 1)
    const { items } = await t.ok('audit.list', { limit: 1 }, admin)
    expect(items[0]).toMatchObject({ action: 'system.backup_schedule_changed', actorName: 'ada' })
    expect(items[0]?.summary).toBe('Backup schedule set: every 6 h, the newest 2 scheduled backups kept')
  })

  it('refuses a schedule out of range, naming the field', async () => {
    const result = await t.call('system.setBackupSchedule', { everyHours: 0, keepScheduled: 2 }, admin)
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.issues).toEqual([expect.objectContaining({ field: 'everyHours' })])
  })

  it('take one at once when none was ever taken, then nothing until the interval has passed', async () => {
    const first = await t.backend.runDueBackups()
    expect(first).toMatchObject({ trigger: 'scheduled', integrity: 'ok', onDisk: true, removedAt: null })
    expect(await t.backend.runDueBackups()).toBeNull()
    t.clock.advance(6 * hour - 1)
    expect(await t.backend.runDueBackups()).toBeNull()
    t.clock.advance(1)
    const second = await t.backend.runDueBackups()
    expect(second).toMatchObject({ trigger: 'scheduled', integrity: 'ok' })
    expect(second?.at).toBe(t.clock.now())
    expect((await listed()).nextDueAt).toBe(t.clock.now() + 6 * hour)
  })

  it('record each backup’s check and keep a signed checkpoint for it, audited under the schedule’s name', async () => {
    const { items } = await listed()
    const sqlite = new Database(t.backend.databaseFile, { readonly: true })
    const checkpoints = sqlite
      .prepare("select seq, reference from audit_checkpoints where reason = 'backup' order by id")
      .all()
    const actors = sqlite
      .prepare("select actor_name from audit_entries where action = 'system.backup_taken'")
      .pluck()
      .all()
    sqlite.close()
    expect(checkpoints).toEqual(
      [...items].reverse().map((backup) => ({ seq: backup.checkpointSeq, reference: backup.file })),
    )
    expect(actors).toEqual(['Gatehouse (backup schedule)', 'Gatehouse (backup schedule)'])
    for (const backup of items) expect(checkFile(path.join(backupsDir(), backup.file))).toEqual({ verdict: 'ok' })
    expect(await t.ok('audit.verify', {}, admin)).toMatchObject({ intact: true, checkpoints: { problems: [] } })
  })

  it('remove the scheduled backups beyond those kept from disk, keep their rows, and never touch manual ones', async () => {
    const manual = await t.ok('system.backup', {}, admin)
    expect(manual).toMatchObject({ trigger: 'manual', integrity: 'ok' })
    t.clock.advance(6 * hour)
    const third = await t.backend.runDueBackups()
    const { items, total } = await listed()
    expect(total).toBe(4)
    expect(items.map((backup) => [backup.trigger, backup.onDisk, backup.removedAt])).toEqual([
      ['scheduled', true, null],
      ['manual', true, null],
      ['scheduled', true, null],
      ['scheduled', false, t.clock.now()],
    ])
    expect(items[0]?.id).toBe(third?.id)
    expect(fs.readdirSync(backupsDir()).sort()).toEqual(
      items
        .slice(0, 3)
        .map((backup) => backup.file)
        .sort(),
    )
    const { items: entries } = await t.ok('audit.list', { limit: 1 }, admin)
    expect(entries[0]?.summary).toBe(`Scheduled backup taken: ${third?.file ?? ''}; 1 older removed`)
  })

  it('leave self-contained files: nothing beside them after the check', () => {
    expect(fs.readdirSync(backupsDir()).filter((file) => !file.endsWith('.db'))).toEqual([])
  })
})

describe('the check of a backup file', () => {
  const copyOfNewest = async (name: string) => {
    const [newest] = (await listed()).items
    const copy = path.join(t.dataDir, name)
    fs.copyFileSync(path.join(backupsDir(), newest?.file ?? ''), copy)
    return copy
  }

  it('reports a backup damaged on disk after it was written', async () => {
    const copy = await copyOfNewest('scribbled.db')
    const bytes = fs.readFileSync(copy)
    bytes.fill(0x5a, 4096 * 20, 4096 * 24)
    fs.writeFileSync(copy, bytes)
    const verdict = checkFile(copy)
    expect(verdict.verdict).toBe('damaged')
    expect(verdict.verdict === 'damaged' && verdict.problem).toMatch(/\S/)
  })

  it('reports a truncated backup and a file that is not SQLite as damaged', async () => {
    const truncated = await copyOfNewest('truncated.db')
    fs.truncateSync(truncated, fs.statSync(truncated).size / 2)
    expect(checkFile(truncated).verdict).toBe('damaged')
    const text = path.join(t.dataDir, 'notes.db')
    fs.writeFileSync(text, 'not a database at all, just some words '.repeat(200))
    expect(checkFile(text)).toMatchObject({ verdict: 'damaged', problem: 'file is not a database' })
  })

  it('tells a healthy SQLite file that is not Gatehouse’s from a backup', () => {
    const other = path.join(t.dataDir, 'other.db')
    const sqlite = new Database(other)
    sqlite.exec('create table audit_entries (seq integer primary key)')
    sqlite.close()
    expect(checkFile(other)).toEqual({
      verdict: 'foreign',
      problem: 'not a Gatehouse database: it has no __drizzle_migrations table',
    })
  })
})

describe('which scheduled backups are kept', () => {
  it('keeps the newest that passed their check; failed ones never count, so they cannot push good ones out', () => {
    const backups = ['ok', 'bad', 'ok', 'bad', 'ok', 'ok'].map((integrity, id) => ({ id, integrity }))
    expect(beyondKept(backups, 2).map((backup) => backup.id)).toEqual([3, 4, 5])
    expect(beyondKept(backups, 4)).toEqual([])
    expect(beyondKept([{ id: 0, integrity: 'bad' }], 1)).toEqual([])
  })
})
