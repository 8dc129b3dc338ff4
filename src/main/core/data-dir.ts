import { homedir } from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

export const appName = 'Gatehouse'

/**
 * The folder Electron's `app.getPath('userData')` gives for this app, computed without
 * Electron so browser mode and the desktop app share one database by default.
 */
export function defaultUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(homedir(), 'AppData', 'Roaming'), appName)
  if (platform === 'darwin') return path.join(homedir(), 'Library', 'Application Support', appName)
  return path.join(env.XDG_CONFIG_HOME ?? path.join(homedir(), '.config'), appName)
}

/** `--data-dir` wins over `GATEHOUSE_DATA_DIR`, which wins over the platform default. */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, fallback: string): string {
  const { values } = parseArgs({
    args: [...argv],
    options: { 'data-dir': { type: 'string' } },
    strict: false,
    allowPositionals: true,
  })
  const fromArgs = values['data-dir']
  const chosen = typeof fromArgs === 'string' ? fromArgs : (env.GATEHOUSE_DATA_DIR ?? fallback)
  return path.resolve(chosen)
}
