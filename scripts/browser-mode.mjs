// Browser mode from `npm start`: what `npm run serve` does (build, then node out/main/serve.js),
// then the default browser opened at the address the server reports.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { openBrowser } from './open-browser.mjs'
import { runChild } from './run-child.mjs'

/** serve.js announces itself with this line once it listens: `Gatehouse is serving <url> (...)`. */
const servingLine = /serving (http:\/\/\S+)/

export function startBrowserMode(projectRoot, appArgs, { build }) {
  if (build) {
    const electronVite = path.join(projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
    const built = spawnSync(process.execPath, [electronVite, 'build'], { cwd: projectRoot, stdio: 'inherit' })
    if (built.status !== 0) process.exit(built.status ?? 1)
  }
  const server = runChild(process.execPath, [path.join(projectRoot, 'out', 'main', 'serve.js'), ...appArgs], {
    cwd: projectRoot,
    stdio: ['inherit', 'pipe', 'inherit'],
  })
  let opened = false
  let pending = ''
  server.stdout.on('data', (chunk) => {
    process.stdout.write(chunk)
    if (opened) return
    pending += chunk.toString()
    const url = servingLine.exec(pending)?.[1]
    if (url) {
      opened = true
      openBrowser(url)
    }
  })
}
