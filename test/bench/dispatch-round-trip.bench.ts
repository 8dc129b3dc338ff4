/**
 * Dispatch round trip: the same procedures in-process (the baseline) and over HTTP on
 * loopback, measured in the same run. Figures only; nothing here passes or fails.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createBackend } from '../../src/main/backend'
import { startHttpServer } from '../../src/main/http/http-server'
import { createScryptHasher } from '../../src/main/identity/password-hasher'
import { ms, summarize, time } from './stats'

const runs = Number(process.env.BENCH_RUNS ?? 2000)

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-bench-'))
  // Cheap scrypt: this measures the gate and transports, not password hashing.
  const backend = createBackend({ dataDir }, { hasher: createScryptHasher({ log2N: 10, r: 8, p: 1 }) })
  const server = await startHttpServer(backend, { host: '127.0.0.1', port: 0 })
  const admin = await backend.dispatch(
    'auth.setupFirstAdmin',
    { username: 'bench', displayName: 'Bench', password: 'benchmark passphrase' },
    { token: null },
  )
  if (!admin.result.ok) throw new Error(admin.result.error.message)
  const token = (admin.result.value as { token: string }).token
  const userId = (admin.result.value as { user: { id: number } }).user.id
  await backend.dispatch(
    'users.create',
    { username: 'worker', displayName: 'W', password: 'benchmark passphrase', roles: ['entrant'] },
    { token },
  )

  const viaHttp = (procedure: string, input: unknown) =>
    fetch(`${server.url}/api/rpc/${procedure}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(input),
    }).then((response) => response.json())

  let flip = false
  const cases: { name: string; procedure: string; input: () => unknown }[] = [
    { name: 'query auth.me', procedure: 'auth.me', input: () => ({}) },
    { name: 'query users.list (50)', procedure: 'users.list', input: () => ({ limit: 50 }) },
    {
      name: 'command users.setRoles (write + audit, synchronous=FULL)',
      procedure: 'users.setRoles',
      input: () => {
        flip = !flip
        return { userId: userId + 1, roles: flip ? ['entrant'] : ['entrant', 'attendant'] }
      },
    },
  ]

  console.log(`Gatehouse dispatch round trip, ${runs} calls each (warm-up excluded)\n`)
  for (const c of cases) {
    await time(100, () => backend.dispatch(c.procedure, c.input(), { token }))
    await time(100, () => viaHttp(c.procedure, c.input()))
    const local = summarize(await time(runs, () => backend.dispatch(c.procedure, c.input(), { token })))
    const remote = summarize(await time(runs, () => viaHttp(c.procedure, c.input())))
    console.log(c.name)
    console.log(`  in-process dispatch (baseline)  p50 ${ms(local.p50)}  p99 ${ms(local.p99)}`)
    console.log(`  HTTP on loopback                p50 ${ms(remote.p50)}  p99 ${ms(remote.p99)}`)
    console.log(
      `  ratio HTTP / baseline           p50 ${(remote.p50 / local.p50).toFixed(1)}x  p99 ${(remote.p99 / local.p99).toFixed(1)}x\n`,
    )
  }
  await server.close()
  backend.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
