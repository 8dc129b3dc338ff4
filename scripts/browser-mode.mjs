// Browser mode from `npm start`: what `npm run serve` does (build, then node out/main/serve.js),
// then the default browser opened at the address the server reports.
import path from 'node:path'
import { openBrowser } from './open-browser.mjs'
import { runChild } from './run-child.mjs'

/** serve.js announces itself with this line once it listens: `Gatehouse is serving <url> (...)`. */
const servingLine = /serving (http:\/\/\S+)/

/** Resolves with the exit code of the build when it fails, else of the server when it stops. */
export async function startBrowserMode(projectRoot, appArgs, { build }) {
  if (build) {
    const electronVite = path.join(projectRoot, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js')
    const built = await runChild(process.execPath, [electronVite, 'build'], { cwd: projectRoot, stdio: 'inherit' })
      .exited
    if (built !== 0) return built
  }
  const server = runChild(process.execPath, [path.join(projectRoot, 'out', 'main', 'serve.js'), ...appArgs], {
    cwd: projectRoot,
    stdio: ['inherit', 'pipe', 'inherit'],
  })
  let opened = false
  let pending = ''
  server.child.stdout.on('data', (chunk) => {
    process.stdout.write(chunk)
    if (opened) return
    pending += chunk.toString()
    const url = servingLine.exec(pending)?.[1]
    if (url) {
      opened = true
      openBrowser(url)
    }
  })
  return server.exited
}
