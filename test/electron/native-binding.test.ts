import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  NativeBindingMissingError,
  electronNativeBindingPath,
  findElectronNativeBinding,
} from '../../src/main/electron/native-binding'

const projectRoot = path.resolve(__dirname, '../..')

let appRoot: string

beforeEach(() => {
  appRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-native-binding-'))
  const packageDir = path.join(appRoot, 'node_modules', 'better-sqlite3')
  fs.mkdirSync(packageDir, { recursive: true })
  fs.writeFileSync(
    path.join(packageDir, 'package.json'),
    JSON.stringify({ name: 'better-sqlite3', version: '12.11.1' }),
  )
})

afterEach(() => fs.rmSync(appRoot, { recursive: true, force: true }))

describe('the Electron build of better-sqlite3', () => {
  it('lives under .electron-native in a folder named by the Electron and better-sqlite3 versions', () => {
    expect(electronNativeBindingPath('/app', '41.7.1', '12.11.1')).toBe(
      path.join('/app', '.electron-native', '41.7.1-12.11.1', 'better_sqlite3.node'),
    )
  })

  it('is found for the running Electron and the installed better-sqlite3', () => {
    const prepared = electronNativeBindingPath(appRoot, '41.7.1', '12.11.1')
    fs.mkdirSync(path.dirname(prepared), { recursive: true })
    fs.writeFileSync(prepared, '')

    expect(findElectronNativeBinding(appRoot, '41.7.1')).toBe(prepared)
  })

  it('is reported missing, with how to prepare it, when prepared for another Electron only', () => {
    const older = electronNativeBindingPath(appRoot, '40.0.0', '12.11.1')
    fs.mkdirSync(path.dirname(older), { recursive: true })
    fs.writeFileSync(older, '')

    expect(() => findElectronNativeBinding(appRoot, '41.7.1')).toThrow(NativeBindingMissingError)
    expect(() => findElectronNativeBinding(appRoot, '41.7.1')).toThrow(/npm start/)
  })

  it('is put by the preparation script exactly where the main process looks for it', async () => {
    const scriptUrl = pathToFileURL(path.join(projectRoot, 'scripts', 'prepare-electron-native.mjs')).href
    const script = (await import(scriptUrl)) as {
      electronNativeBindingPath: (appRoot: string, electronVersion: string, betterSqliteVersion: string) => string
    }

    for (const [electron, sqlite] of [
      ['41.7.1', '12.11.1'],
      ['42.0.0-beta.3', '13.0.0'],
    ] as const) {
      expect(script.electronNativeBindingPath(appRoot, electron, sqlite)).toBe(
        electronNativeBindingPath(appRoot, electron, sqlite),
      )
    }
  })
})
