// Prepares the Electron build of better-sqlite3 in .electron-native/<electron>-<better-sqlite3>/.
// The copy in node_modules stays the Node build that tests and browser mode load; rebuilding it
// for Electron would break them. Runs as part of `npm start`; does nothing when already prepared.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Same rule as src/main/electron/native-binding.ts, which the main process reads it with. */
export function electronNativeBindingPath(appRoot, electronVersion, betterSqliteVersion) {
  return path.join(appRoot, '.electron-native', `${electronVersion}-${betterSqliteVersion}`, 'better_sqlite3.node')
}

function packageDir(appRoot, name) {
  return path.dirname(createRequire(path.join(appRoot, 'package.json')).resolve(`${name}/package.json`))
}

function packageVersion(dir) {
  return JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version
}

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, stdio: 'inherit', env: process.env })
  return result.status === 0
}

/** npm tells its scripts where its own node-gyp is; outside npm, node-gyp must be on PATH. */
function nodeGyp() {
  const bundled = process.env.npm_config_node_gyp
  return bundled && fs.existsSync(bundled) ? [process.execPath, bundled] : ['node-gyp']
}

export function prepareElectronNative(appRoot = projectRoot) {
  const sourceDir = packageDir(appRoot, 'better-sqlite3')
  const electronVersion = packageVersion(packageDir(appRoot, 'electron'))
  const target = electronNativeBindingPath(appRoot, electronVersion, packageVersion(sourceDir))
  if (fs.existsSync(target)) return target

  console.log(`Preparing better-sqlite3 for Electron ${electronVersion} (once per version)...`)
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-native-'))
  try {
    const buildDir = path.join(workDir, 'better-sqlite3')
    // The Node build in build/ is left behind so nothing of it can be mistaken for the result.
    fs.cpSync(sourceDir, buildDir, {
      recursive: true,
      filter: (file) => path.relative(sourceDir, file).split(path.sep)[0] !== 'build',
    })
    const prebuildInstall = createRequire(path.join(sourceDir, 'package.json')).resolve('prebuild-install/bin.js')
    const targetArgs = [`--target=${electronVersion}`, `--arch=${process.arch}`]
    const fetched = run(process.execPath, [prebuildInstall, '--runtime=electron', ...targetArgs], buildDir)
    if (!fetched) {
      console.log('No prebuilt binary could be fetched; compiling better-sqlite3 against the Electron headers...')
      const [command, ...gypArgs] = nodeGyp()
      const distUrl = '--dist-url=https://electronjs.org/headers'
      if (!run(command, [...gypArgs, 'rebuild', '--release', ...targetArgs, distUrl], buildDir)) {
        throw new Error(
          `better-sqlite3 could not be prepared for Electron ${electronVersion}: no prebuilt binary could be ` +
            'downloaded and compiling it failed (see the output above).',
        )
      }
    }
    const built = path.join(buildDir, 'build', 'Release', 'better_sqlite3.node')
    fs.mkdirSync(path.dirname(target), { recursive: true })
    // Copied beside the target, then renamed: an interrupted run never leaves a half-written file.
    const partial = `${target}.partial`
    fs.copyFileSync(built, partial)
    fs.renameSync(partial, target)
    console.log(`Prepared ${path.relative(appRoot, target)}`)
    return target
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true })
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    prepareElectronNative()
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error))
    process.exit(1)
  }
}
