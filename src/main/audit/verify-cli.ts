/**
 * `npm run audit:verify -- --data-dir DIR [--checkpoint FILE]...`: verifies the audit trail of a
 * Gatehouse data folder, or of a copy of it, without starting the console; read-only. Exit code 0
 * when intact, 1 when broken or when a checkpoint does not hold, 2 when it cannot be checked.
 */
import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import Database from 'better-sqlite3'
import { signedCheckpointSchema } from '../../shared/contract/audit'
import { verifyAuditTrail } from './audit-verifier'
import type { SignedCheckpoint } from './checkpoint'

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}

function readCheckpoint(file: string): SignedCheckpoint {
  let parsed: unknown
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (error) {
    fail(`Cannot read the checkpoint ${file}: ${(error as Error).message}`)
  }
  const checked = signedCheckpointSchema.safeParse(parsed)
  if (!checked.success) fail(`${file} is not a Gatehouse audit checkpoint: ${checked.error.issues[0]?.message ?? ''}`)
  return checked.data
}

async function main() {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string' },
      checkpoint: { type: 'string', multiple: true },
    },
  })
  const dataDir = values['data-dir']
  if (!dataDir) fail('Usage: npm run audit:verify -- --data-dir DIR [--checkpoint FILE]...')
  const file = path.join(dataDir, 'gatehouse.db')
  if (!fs.existsSync(file)) fail(`There is no Gatehouse database at ${file}.`)
  const sqlite = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const stored = sqlite
      .prepare(
        'select c.seq, c.hash, c.at, c.key_id as keyId, k.public_key as publicKey, c.signature from audit_checkpoints c join signing_keys k on k.key_id = c.key_id order by c.id',
      )
      .all() as Omit<SignedCheckpoint, 'format'>[]
    const checkpoints: SignedCheckpoint[] = [
      ...stored.map((c) => ({ format: 'gatehouse-audit-checkpoint/1' as const, ...c })),
      ...(values.checkpoint ?? []).map(readCheckpoint),
    ]
    const trustedKeyIds = new Set(sqlite.prepare('select key_id from signing_keys').pluck().all() as string[])
    const started = performance.now()
    const result = await verifyAuditTrail(sqlite, { checkpoints, trustedKeyIds, file: { path: file } })
    const seconds = (performance.now() - started) / 1000
    const rate = Math.round(result.checked / Math.max(seconds, 1e-9))
    if (result.firstBroken)
      console.log(`BROKEN at entry ${String(result.firstBroken.seq)}: ${result.firstBroken.reason}`)
    else console.log(`intact: ${String(result.checked)} entries, head hash ${result.headHash}`)
    for (const problem of result.checkpoints.problems)
      console.log(
        `checkpoint of ${new Date(problem.at).toISOString()} (entry ${String(problem.seq)}) does not hold: ${problem.reason}`,
      )
    if (result.checkpoints.latest)
      console.log(
        `held against ${String(result.checkpoints.checked - result.checkpoints.problems.length)} checkpoint(s); the newest, of ${new Date(result.checkpoints.latest.at).toISOString()}, names entry ${String(result.checkpoints.latest.seq)}`,
      )
    console.log(
      `verified ${String(result.checked)} entries in ${seconds.toFixed(2)} s (${rate.toLocaleString('en')} entries/s)`,
    )
    process.exitCode = result.intact ? 0 : 1
  } finally {
    sqlite.close()
  }
}

main().catch((error: unknown) => fail(`Cannot verify: ${(error as Error).message}`))
