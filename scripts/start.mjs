// `npm start`: the desktop app when Electron can run here, otherwise browser mode.
// Desktop: fetch the Electron binary if it is missing, prepare the Electron build of
// better-sqlite3, then build and run with `electron-vite preview`. Arguments after
// `npm start --` reach the app (e.g. --data-dir X). GATEHOUSE_SKIP_BUILD=1 runs what is in out/.
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { startBrowserMode } from './browser-mode.mjs'
import { electronBinary, fetchElectronBinary } from './electron-binary.mjs'
import { prepareElectronNative } from './prepare-electron-native.mjs'
import { runChild } from './run-child.mjs'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const appArgs = process.argv.slice(2)
const build = process.env.GATEHOUSE_SKIP_BUILD !== '1'

function startDesktop() {
  const require = createRequire(path.join(projectRoot, 'package.json'))
  const electronVite = path.join(path.dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js')
  const previewArgs = ['preview', ...(build ? [] : ['--skipBuild']), ...(appArgs.length > 0 ? ['--', ...appArgs] : [])]
  return runChild(process.execPath, [electronVite, ...previewArgs], { cwd: projectRoot, stdio: 'inherit' }).exited
}

/** Null when the desktop app can run here; otherwise what stands in its way, in a sentence. */
function desktopObstacle() {
  if ((electronBinary(projectRoot) ?? fetchElectronBinary(projectRoot)) === null) {
    return (
      'Gatehouse could not download the Electron binary (`node node_modules/electron/install.js` shows why), ' +
      'so it is serving the console in your browser instead.'
    )
  }
  try {
    prepareElectronNative(projectRoot)
    return null
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return `${message} Gatehouse is serving the console in your browser instead.`
  }
}

const obstacle = desktopObstacle()
if (obstacle !== null) console.log(obstacle)
process.exit(await (obstacle === null ? startDesktop() : startBrowserMode(projectRoot, appArgs, { build })))
