import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { assertBrowserOrSkip } from './support/chromium'

/** Builds the console once so every end-to-end test drives the real `npm run serve` output. */
export default function setup(): void {
  if (!assertBrowserOrSkip()) return
  const root = path.resolve(__dirname, '../..')
  execFileSync(process.execPath, [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  })
}
