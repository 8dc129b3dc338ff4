import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createBackend } from '../../src/main/backend'
import { adminAccount, fastHasher, makeTestBackend, manualClock, testPassword } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'
import type { ProcedureInput, ProcedureOutput, ProcedurePath } from '../../src/shared/contract/procedures'

const run = promisify(execFile)
const root = path.resolve(import.meta.dirname, '../..')
let t: TestBackend
let other: TestBackend
let backupFile = ''
let foreignBackup = ''
const dirs: string[] = []

async function restore(...args: string[]) {
  try {
    const { stdout } = await run('npx', ['tsx', 'src/main/db/restore-cli.ts', ...args], { cwd: root })
    return { code: 0, out: stdout }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, out: failed.stdout + failed.stderr }
  }
}

/** A data folder of the same installation (its key), holding a later copy of its database. */
function sameInstallation(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-restore-'))
  dirs.push(dir)
  fs.cpSync(path.join(t.dataDir, 'keys'), path.join(dir, 'keys'), { recursive: true })
  const source = new Database(t.backend.databaseFile, { readonly: true })
  source.prepare('vacuum into ?').run(path.join(dir, 'gatehouse.db'))
  source.close()
  return dir
}

const backupOf = async (backend: TestBackend, token: string) => {
  const backup = await backend.ok('system.backup', {}, token)
  return path.join(backend.dataDir, 'backups', backup.file)
}

beforeAll(async () => {
  t = makeTestBackend()
  const admin = (await t.setupAdmin()).token
  await t.ok('users.create', { username: 'bob', displayName: 'Bob', password: testPassword, roles: ['auditor'] }, admin)
  backupFile = await backupOf(t, admin)
  // Written after the backup: a restore takes the folder back to before it.
  await t.ok('users.create', { username: 'cyd', displayName: 'Cyd', password: testPassword, roles: ['auditor'] }, admin)
  other = makeTestBackend()
  foreignBackup = await backupOf(other, (await other.setupAdmin()).token)
})
afterAll(() => {
  t?.dispose()
  other?.dispose()
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
})

describe('npm run db:restore', () => {
  it('says how to use it and exits 2 without both options', async () => {
    const { code, out } = await restore('--data-dir', sameInstallation())
    expect(code).toBe(2)
    expect(out).toMatch(/Usage: npm run db:restore -- --data-dir DIR --from FILE/)
  })

  it('refuses a damaged backup and leaves the data folder as it was', async () => {
    const dir = sameInstallation()
    const damaged = path.join(dir, 'damaged.db')
    const bytes = fs.readFileSync(backupFile)
    bytes.fill(0x5a, 4096 * 20, 4096 * 24)
    fs.writeFileSync(damaged, bytes)
    const before = fs.readdirSync(dir).sort()
    const { code, out } = await restore('--data-dir', dir, '--from', damaged)
    expect(code).toBe(1)
    expect(out).toMatch(/^Refused: .*damaged\.db is damaged: /m)
    expect(fs.readdirSync(dir).sort()).toEqual(before)
  })

  it('refuses a file that is not SQLite at all as damaged', async () => {
    const dir = sameInstallation()
    const text = path.join(dir, 'notes.db')
    fs.writeFileSync(text, 'minutes of the safety meeting '.repeat(300))
    const { code, out } = await restore('--data-dir', dir, '--from', text)
    expect(code).toBe(1)
    expect(out).toMatch(/is damaged: file is not a database/)
  })

  it('refuses a SQLite file that is not a Gatehouse database', async () => {
    const dir = sameInstallation()
    const foreign = path.join(dir, 'inventory.db')
    const sqlite = new Database(foreign)
    sqlite.exec("create table parts (id integer primary key, name text); insert into parts (name) values ('valve')")
    sqlite.close()
    const { code, out } = await restore('--data-dir', dir, '--from', foreign)
    expect(code).toBe(1)
    expect(out).toMatch(/is not a Gatehouse database: it has no __drizzle_migrations or audit_entries table/)
  })

  it('refuses another installation’s backup, naming both keys', async () => {
    const { code, out } = await restore('--data-dir', sameInstallation(), '--from', foreignBackup)
    expect(code).toBe(1)
    expect(out).toMatch(/cannot be restored here: it comes from another installation: its keys are [0-9a-f]{16}/)
  })

  it('refuses while the console has the database open', async () => {
    const { code, out } = await restore('--data-dir', t.dataDir, '--from', backupFile)
    expect(code).toBe(1)
    expect(out).toMatch(/Gatehouse is running on .* Stop it, then restore\./)
    expect(fs.readdirSync(t.dataDir).filter((file) => file.includes('restor'))).toEqual([])
  })

  it('restores a good backup: the old database kept aside, the folder opens, its audit trail verifies', async () => {
    const dir = sameInstallation()
    const { code, out } = await restore('--data-dir', dir, '--from', backupFile)
    expect(code, out).toBe(0)
    const aside = fs.readdirSync(dir).filter((file) => file.startsWith('gatehouse.db.before-restore-'))
    expect(aside).toHaveLength(1)
    expect(out).toContain(`kept as ${path.join(dir, aside[0] ?? '')}`)
    expect(
      fs
        .readdirSync(dir)
        .filter((file) => file.startsWith('gatehouse.db'))
        .sort(),
    ).toEqual(['gatehouse.db', ...aside].sort())

    const backend = createBackend({ dataDir: dir }, { clock: manualClock(), hasher: fastHasher })
    const ask = async <P extends ProcedurePath>(procedure: P, input: ProcedureInput<P>, token: string | null) => {
      const { result } = await backend.dispatch(procedure, input, { token })
      if (!result.ok) throw new Error(result.error.message)
      return result.value as ProcedureOutput<P>
    }
    try {
      const { token } = await ask(
        'auth.login',
        { username: adminAccount.username, password: adminAccount.password },
        null,
      )
      const { items: users } = await ask('users.list', {}, token)
      expect(users.map((user) => user.username).sort()).toEqual(['ada', 'bob'])
      expect(await ask('audit.verify', {}, token)).toMatchObject({ intact: true, firstBroken: null })
      // Newest first: this sign-in, the restored folder's start-up check, then the restore.
      const { items: entries } = await ask('audit.list', { limit: 3 }, token)
      expect(entries.map((entry) => entry.action)).toEqual([
        'auth.login',
        'system.integrity_checked',
        'system.restored',
      ])
      expect(entries[2]).toMatchObject({
        action: 'system.restored',
        summary: `Database restored from ${path.basename(backupFile)}; the one it replaced kept as ${aside[0] ?? ''}`,
      })
    } finally {
      backend.close()
    }
  })

  it('restores any Gatehouse backup into a data folder that has no key yet', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-fresh-'))
    dirs.push(dir)
    const { code, out } = await restore('--data-dir', dir, '--from', foreignBackup)
    expect(code, out).toBe(0)
    expect(out).toContain('There was no database there before.')
    const sqlite = new Database(path.join(dir, 'gatehouse.db'), { readonly: true })
    expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok')
    sqlite.close()
  })
})
