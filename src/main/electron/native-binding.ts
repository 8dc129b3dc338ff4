import fs from 'node:fs'
import path from 'node:path'

/**
 * better-sqlite3 under Electron needs an Electron build of its addon, while tests and browser
 * mode keep the Node build npm installed. `scripts/prepare-electron-native.mjs` (run by
 * `npm start`) writes the Electron build here; the main process opens the database with it.
 * The folder name carries both versions, so upgrading either one prepares a fresh build.
 */
export function electronNativeBindingPath(
  appRoot: string,
  electronVersion: string,
  betterSqliteVersion: string,
): string {
  return path.join(appRoot, '.electron-native', `${electronVersion}-${betterSqliteVersion}`, 'better_sqlite3.node')
}

/** The Electron build of better-sqlite3 has not been prepared for this Electron version. */
export class NativeBindingMissingError extends Error {
  constructor(file: string) {
    super(
      `The Electron build of better-sqlite3 is missing (expected at ${file}). ` +
        'Start Gatehouse with `npm start`, which prepares it.',
    )
    this.name = 'NativeBindingMissingError'
  }
}

function installedBetterSqliteVersion(appRoot: string): string {
  const manifest = path.join(appRoot, 'node_modules', 'better-sqlite3', 'package.json')
  const parsed: unknown = JSON.parse(fs.readFileSync(manifest, 'utf8'))
  const version = typeof parsed === 'object' && parsed !== null && 'version' in parsed ? parsed.version : undefined
  if (typeof version !== 'string') throw new Error(`${manifest} names no version.`)
  return version
}

/** The prepared addon for the running Electron, or a readable error saying how to prepare it. */
export function findElectronNativeBinding(appRoot: string, electronVersion: string): string {
  const file = electronNativeBindingPath(appRoot, electronVersion, installedBetterSqliteVersion(appRoot))
  if (!fs.existsSync(file)) throw new NativeBindingMissingError(file)
  return file
}
