import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestBackend } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'

const run = promisify(execFile)
const root = path.resolve(import.meta.dirname, '../..')
let t: TestBackend
let checkpointFile = ''
let entries = 0

/** A copy of the data folder as an auditor receives it, changed by `tamper` when given. */
function copyOfData(name: string, tamper?: (sqlite: Database.Database) => void): string {
  const dir = path.join(t.dataDir, name)
  fs.mkdirSync(dir)
  const source = new Database(t.backend.databaseFile, { readonly: true })
  source.prepare('vacuum into ?').run(path.join(dir, 'gatehouse.db'))
  source.close()
  if (tamper) {
    const sqlite = new Database(path.join(dir, 'gatehouse.db'))
    sqlite.exec('drop trigger audit_entries_no_update; drop trigger audit_entries_no_delete;')
    tamper(sqlite)
    sqlite.close()
  }
  return dir
}

async function verify(...args: string[]) {
  try {
    const { stdout } = await run('npx', ['tsx', 'src/main/audit/verify-cli.ts', ...args], { cwd: root })
    return { code: 0, out: stdout }
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string }
    return { code: failed.code, out: failed.stdout + failed.stderr }
  }
}

beforeAll(async () => {
  t = makeTestBackend()
  const admin = (await t.setupAdmin()).token
  for (let i = 0; i < 5; i += 1)
    await t.ok(
      'users.create',
      {
        username: `user${String(i)}`,
        displayName: `User ${String(i)}`,
        password: 'a long enough passphrase',
        roles: ['requester'],
      },
      admin,
    )
  const checkpoint = await t.ok('audit.checkpoint', {}, admin)
  checkpointFile = path.join(t.dataDir, 'checkpoint.json')
  fs.writeFileSync(checkpointFile, JSON.stringify(checkpoint))
  entries = t.auditCount()
})
afterAll(() => t.dispose())

describe('npm run audit:verify', () => {
  it('reports an intact copy with its entries, head hash and rate, and exits 0', async () => {
    const { code, out } = await verify('--data-dir', copyOfData('intact'), '--checkpoint', checkpointFile)
    expect(code).toBe(0)
    expect(out).toMatch(new RegExp(`^intact: ${String(entries)} entries, head hash [0-9a-f]{64}$`, 'm'))
    expect(out).toMatch(/held against 2 checkpoint\(s\)/)
    expect(out).toMatch(/verified \d+ entries in [\d.]+ s \([\d,]+ entries\/s\)/)
  })

  it('names the first broken entry of a tampered copy and exits 1', async () => {
    const dir = copyOfData('tampered', (sqlite) =>
      sqlite.prepare("update audit_entries set actor_name = 'mallory' where seq = 3").run(),
    )
    const { code, out } = await verify('--data-dir', dir)
    expect(code).toBe(1)
    expect(out).toMatch(/^BROKEN at entry 3: its content does not match its hash$/m)
  })

  it('catches a truncated copy against the auditor’s checkpoint file, and exits 1', async () => {
    const dir = copyOfData('truncated', (sqlite) => {
      sqlite.prepare('delete from audit_entries where seq > ?').run(entries - 3)
      sqlite.exec('delete from audit_checkpoints')
    })
    const alone = await verify('--data-dir', dir)
    expect(alone.code).toBe(0)
    const { code, out } = await verify('--data-dir', dir, '--checkpoint', checkpointFile)
    expect(code).toBe(1)
    expect(out).toMatch(/does not hold: entry \d+ it names is gone: the trail was cut off after entry \d+/)
  })

  it('exits 2 when there is nothing to verify', async () => {
    const { code, out } = await verify('--data-dir', path.join(t.dataDir, 'nowhere'))
    expect(code).toBe(2)
    expect(out).toMatch(/There is no Gatehouse database at/)
  })
})
