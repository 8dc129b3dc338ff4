// Keeps Electron within its support window: Electron fixes security issues only in its latest
// three stable major lines, and a new major comes out about every eight weeks. Run by CI (and by
// hand: `node scripts/electron-support.mjs`); it warns, and never fails a build, because a new
// Electron release is not a defect in the change being tested.
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** How many of the newest major lines Electron supports. */
export const supportedLines = 3

const majorOf = (versionOrRange) => {
  const match = /(\d+)\./.exec(versionOrRange)
  if (!match) throw new Error(`No major version in "${versionOrRange}".`)
  return Number(match[1])
}

/**
 * A sentence when `declared` (package.json's range, e.g. "^45.5.0") is out of support or about
 * to leave it, given the newest stable release (`npm view electron dist-tags.latest`); else null.
 */
export function electronSupportWarning(declared, latest) {
  const ours = majorOf(declared)
  const newest = majorOf(latest)
  const oldestSupported = newest - supportedLines + 1
  if (ours < oldestSupported) {
    return (
      `Electron ${ours} is out of support (no security fixes): the supported lines are ` +
      `${oldestSupported} to ${newest}; move package.json to electron@^${newest}.`
    )
  }
  if (ours === oldestSupported && ours < newest) {
    return `Electron ${ours} is the oldest supported line and leaves support with the next major; plan the move to ${newest}.`
  }
  return null
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
  const declared = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')).devDependencies.electron
  let latest
  try {
    // npm is npm.cmd on Windows, which only a shell runs.
    const shell = process.platform === 'win32'
    latest = execFileSync('npm', ['view', 'electron', 'dist-tags.latest'], { encoding: 'utf8', shell }).trim()
  } catch {
    console.log('Electron support window not checked: the npm registry could not be reached.')
    process.exit(0)
  }
  const warning = electronSupportWarning(declared, latest)
  console.log(warning ? `WARNING: ${warning}` : `Electron ${declared} is supported (newest: ${latest}).`)
}
