// `npm start`: prepare the Electron build of better-sqlite3, then build and run the desktop app
// with `electron-vite preview`. Arguments after `npm start --` reach the app (e.g. --data-dir X).
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { prepareElectronNative } from './prepare-electron-native.mjs'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(path.join(projectRoot, 'package.json'))

/** The Electron executable, or null when it was never downloaded (ELECTRON_SKIP_BINARY_DOWNLOAD). */
function electronBinary() {
  try {
    // electron-vite honours ELECTRON_EXEC_PATH too; the electron package itself throws or
    // returns a path that does not exist when its binary is missing.
    const candidate = process.env.ELECTRON_EXEC_PATH || require('electron')
    return typeof candidate === 'string' && fs.existsSync(candidate) ? candidate : null
  } catch {
    return null
  }
}

if (electronBinary() === null) {
  console.error(
    'Gatehouse could not find the Electron binary (it was not downloaded); run `npm run serve` to use the ' +
      'console in your browser, or reinstall with internet access.',
  )
  process.exit(1)
}

try {
  prepareElectronNative(projectRoot)
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
}

const electronVite = path.join(path.dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js')
const appArgs = process.argv.slice(2)
const child = spawn(process.execPath, [electronVite, 'preview', ...(appArgs.length > 0 ? ['--', ...appArgs] : [])], {
  cwd: projectRoot,
  stdio: 'inherit',
})
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
