import { spawn, execFileSync } from 'node:child_process'
import type { ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const projectRoot = path.resolve(__dirname, '../..')
/** The electron package writes path.txt once its binary is downloaded and unpacked. */
const electronDownloaded = fs.existsSync(path.join(projectRoot, 'node_modules/electron/path.txt'))

/** A port nothing listens on, so Electron's download is refused at once, never sent to the internet. */
async function closedPort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/** The console as `npm start` would build it; built here only when nothing built it before. */
function ensureBuilt(): void {
  const built = ['out/main/serve.js', 'out/renderer/index.html'].every((file) =>
    fs.existsSync(path.join(projectRoot, file)),
  )
  if (built) return
  execFileSync(process.execPath, [path.join(projectRoot, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: projectRoot,
    stdio: 'inherit',
  })
}

// Windows opens with cmd's `start`, which a script on PATH cannot stand in for.
describe.skipIf(process.platform === 'win32')('npm start on a machine without the Electron binary', () => {
  let scratch: string
  let child: ChildProcess | undefined

  beforeAll(() => {
    ensureBuilt()
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-start-'))
  }, 120_000)

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve))
      child.kill('SIGTERM')
      await exited
    }
    fs.rmSync(scratch, { recursive: true, force: true })
  })

  it('tries to fetch it, says in one sentence that it could not, serves browser mode and opens the browser', async () => {
    // The openers the start script calls (Linux, macOS), standing in for a desktop: they record the address.
    const bin = path.join(scratch, 'bin')
    const opened = path.join(scratch, 'opened-url')
    fs.mkdirSync(bin)
    for (const opener of ['xdg-open', 'open'])
      fs.writeFileSync(path.join(bin, opener), `#!/bin/sh\nprintf '%s' "$1" > '${opened}'\n`, { mode: 0o755 })

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
      // A developer who has the binary gets it hidden; elsewhere (CI) this is the fresh install as it is.
      ...(electronDownloaded ? { ELECTRON_OVERRIDE_DIST_PATH: path.join(scratch, 'no-electron') } : {}),
      // Electron's install script really runs, against a mirror that refuses and an empty cache.
      ELECTRON_MIRROR: `http://127.0.0.1:${await closedPort()}/`,
      electron_config_cache: path.join(scratch, 'electron-cache'),
      GATEHOUSE_SKIP_BUILD: '1',
    }
    delete env.ELECTRON_EXEC_PATH
    delete env.BROWSER

    const dataDir = path.join(scratch, 'data')
    const started = spawn(process.execPath, ['scripts/start.mjs', '--data-dir', dataDir, '--port', '0'], {
      cwd: projectRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child = started
    let stdout = ''
    let stderr = ''
    started.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const url = await new Promise<string>((resolve, reject) => {
      started.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString()
        const match = /serving (http:\/\/\S+)/.exec(stdout)
        if (match?.[1]) resolve(match[1])
      })
      started.once('exit', (code) => reject(new Error(`start exited with ${code}:\n${stdout}\n${stderr}`)))
    })

    const lines = stdout.trim().split('\n')
    expect(lines[0]).toBe('Fetching the Electron binary (once, about 110 MB)...')
    expect(lines[1]).toBe(
      'Gatehouse could not download the Electron binary (`node node_modules/electron/install.js` shows why), ' +
        'so it is serving the console in your browser instead.',
    )
    expect(stderr).toBe('')

    const page = await fetch(url)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<div id="root">')
    expect(fs.existsSync(path.join(dataDir, 'gatehouse.db'))).toBe(true)

    await expect.poll(() => (fs.existsSync(opened) ? fs.readFileSync(opened, 'utf8') : null)).toBe(url)

    // Stopping `npm start` stops the server it started.
    const exited = new Promise<number | null>((resolve) => started.once('exit', resolve))
    started.kill('SIGTERM')
    expect(await exited).toBe(0)
    await expect(fetch(url)).rejects.toThrow()
  })
})
