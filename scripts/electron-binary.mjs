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

/** The Electron executable, or null when it has not been downloaded. */
export function electronBinary(projectRoot) {
  try {
    // electron-vite honours ELECTRON_EXEC_PATH too; the electron package itself throws, or
    // returns a path that does not exist, when its binary is missing.
    const candidate =
      process.env.ELECTRON_EXEC_PATH || createRequire(path.join(projectRoot, 'package.json'))('electron')
    return typeof candidate === 'string' && fs.existsSync(candidate) ? candidate : null
  } catch {
    return null
  }
}

/**
 * Runs Electron's own install script (download, checksum, unzip into node_modules/electron/dist)
 * and returns the executable, or null when it could not be had. Its output is kept back: on a
 * blocked network it is a stack trace, and the caller says what happened in one sentence.
 */
export function fetchElectronBinary(projectRoot, timeoutMs = fetchTimeoutMs) {
  const installScript = path.join(projectRoot, 'node_modules', 'electron', 'install.js')
  if (!fs.existsSync(installScript)) return null
  console.log('Fetching the Electron binary (once, about 110 MB)...')
  spawnSync(process.execPath, [installScript], { cwd: projectRoot, stdio: 'ignore', timeout: timeoutMs })
  return electronBinary(projectRoot)
}
