// Where the Electron executable is, and fetching it on first start. npm does not run Electron's
// install script (package.json "allowScripts": "electron": false), so `npm install` succeeds on
// networks that block Electron's download host; the binary is fetched here instead.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

/**
 * Long enough for the ~110 MB download on an ordinary link, short enough that a proxy which
 * stalls the connection does not hold the console back. Unreachable hosts fail within seconds.
 */
export const fetchTimeoutMs = 120_000

function electronPackageDir(projectRoot) {
  try {
    return path.dirname(createRequire(path.join(projectRoot, 'package.json')).resolve('electron/package.json'))
  } catch {
    return null
  }
}

function readOrNull(file) {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch {
    return null
  }
}

/**
 * The Electron executable, or null when it has not been downloaded. Found the way the electron
 * package finds it (path.txt, written after a complete download, names it under dist/), without
 * requiring the package: since Electron 45 that starts a download with no time limit.
 */
export function electronBinary(projectRoot) {
  // electron-vite honours ELECTRON_EXEC_PATH, and the electron package ELECTRON_OVERRIDE_DIST_PATH.
  const explicit = process.env.ELECTRON_EXEC_PATH
  if (explicit) return fs.existsSync(explicit) ? explicit : null
  const packageDir = electronPackageDir(projectRoot)
  if (packageDir === null) return null
  const executable = readOrNull(path.join(packageDir, 'path.txt'))
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH
  const candidate = override
    ? path.join(override, executable ?? 'electron')
    : executable && path.join(packageDir, 'dist', executable)
  return candidate && fs.existsSync(candidate) ? candidate : null
}

/**
 * Runs Electron's own install script (download, checksum, unzip into node_modules/electron/dist)
 * and returns the executable, or null when it could not be had. Its output is kept back: on a
 * blocked network it is a stack trace, and the caller says what happened in one sentence.
 */
export function fetchElectronBinary(projectRoot, timeoutMs = fetchTimeoutMs) {
  const packageDir = electronPackageDir(projectRoot)
  if (packageDir === null) return null
  console.log('Fetching the Electron binary (once, about 110 MB)...')
  spawnSync(process.execPath, [path.join(packageDir, 'install.js')], {
    cwd: projectRoot,
    stdio: 'ignore',
    timeout: timeoutMs,
  })
  return electronBinary(projectRoot)
}
