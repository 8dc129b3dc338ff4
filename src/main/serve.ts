/**
 * Browser mode: the same backend as the desktop app under plain Node, serving the built
 * console and the HTTP API. `node out/main/serve.js [--data-dir DIR] [--port N] [--host H]`.
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { createBackend } from './backend'
import { hostBackend } from './backend-host'
import { defaultUserDataDir, resolveDataDir } from './core/data-dir'
import { DatabaseDamagedError } from './db/database'
import { defaultHttpPort, isLoopback, startHttpServer } from './http/http-server'

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } },
    strict: true,
  })
  const dataDir = resolveDataDir(process.argv.slice(2), process.env, defaultUserDataDir())
  const host = values.host ?? '127.0.0.1'
  const port = values.port === undefined ? defaultHttpPort : Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`--port must be a whole number from 0 to 65535, not "${values.port}".`)
  if (!isLoopback(host)) {
    console.warn(
      `WARNING: binding to ${host} exposes Gatehouse beyond this computer. Anyone who can reach it can try to sign in; ` +
        'use it only on a trusted network.',
    )
  }
  // Hosted, so that a restore from the Admin page reopens it on the restored file, the server staying up.
  const backend = hostBackend((options) => createBackend({ dataDir, ...options }))
  const server = await startHttpServer(backend, { host, port, rendererDir: path.resolve(__dirname, '../renderer') })
  console.log(`Gatehouse is serving ${server.url} (data in ${backend.databaseFile})`)

  // Ctrl+C under `npm start` arrives several times (from the terminal, and forwarded by npm and
  // by the start script): the first stops cleanly, the others must not cut that short.
  let stopping = false
  const stop = async () => {
    if (stopping) return
    stopping = true
    await server.close()
    backend.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop())
  process.on('SIGTERM', () => void stop())
}

main().catch((error: unknown) => {
  const message = error instanceof DatabaseDamagedError || error instanceof Error ? error.message : String(error)
  console.error(`Gatehouse could not start: ${message}`)
  process.exit(1)
})
