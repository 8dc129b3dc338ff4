/**
 * An approver's workstation in its own process: opens the same database file and decides every
 * request it is given as fast as it can. Prints one JSON line of outcome codes.
 * node --import tsx decider.ts <dataDir> <token> <approve|deny> <requestId,requestId,...> <deciders>
 * Each decider waits at a barrier until all of them have opened the database, so their decisions
 * really interleave however slowly each process starts.
 */
import fs from 'node:fs'
import path from 'node:path'
import { createBackend } from '../../../src/main/backend'
import { createScryptHasher } from '../../../src/main/identity/password-hasher'

async function main() {
  const [dataDir, token, decision, list, deciders] = process.argv.slice(2)
  if (!dataDir || !token || (decision !== 'approve' && decision !== 'deny') || !list || !deciders)
    throw new Error('usage: decider.ts dataDir token approve|deny id,id,... deciders')
  const backend = createBackend({ dataDir }, { hasher: createScryptHasher({ log2N: 10, r: 8, p: 1 }) })
  const barrier = path.join(dataDir, 'barrier')
  fs.mkdirSync(barrier, { recursive: true })
  fs.writeFileSync(path.join(barrier, String(process.pid)), '')
  while (fs.readdirSync(barrier).length < Number(deciders)) await new Promise((resolve) => setTimeout(resolve, 5))
  const codes: string[] = []
  for (const requestId of list.split(',').map(Number)) {
    const input = { requestId, decision, ...(decision === 'deny' ? { comment: 'Raced' } : {}) }
    const { result } = await backend.dispatch('access.decide', input, { token })
    codes.push(result.ok ? 'ok' : result.error.code)
    // A pause of a few milliseconds between decisions, as between two clicks: without it the faster
    // process re-takes SQLite's write lock the instant it lets go, while the other backs off in its
    // busy handler, and one process decides everything before the other gets a turn (no race at all).
    await new Promise((resolve) => setTimeout(resolve, 1 + Math.random() * 3))
  }
  backend.close()
  process.stdout.write(`${JSON.stringify(codes)}\n`)
}

main().catch((error: unknown) => {
  process.stderr.write(String(error instanceof Error ? error.stack : error))
  process.exit(1)
})
