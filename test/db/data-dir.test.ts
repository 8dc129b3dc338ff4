import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultUserDataDir, resolveDataDir } from '../../src/main/core/data-dir'

describe('where data lives', () => {
  it('prefers --data-dir, then GATEHOUSE_DATA_DIR, then the platform folder', () => {
    const env = { GATEHOUSE_DATA_DIR: '/srv/gatehouse' }
    expect(resolveDataDir(['--data-dir', '/tmp/x'], env, '/fallback')).toBe('/tmp/x')
    expect(resolveDataDir(['--data-dir=/tmp/y'], env, '/fallback')).toBe('/tmp/y')
    expect(resolveDataDir([], env, '/fallback')).toBe('/srv/gatehouse')
    expect(resolveDataDir([], {}, '/fallback')).toBe('/fallback')
  })

  it('matches Electron’s userData folder on each platform', () => {
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/home/u/.config' })).toBe(
      path.join('/home/u/.config', 'Gatehouse'),
    )
    expect(defaultUserDataDir('win32', { APPDATA: 'C:\\Users\\u\\AppData\\Roaming' })).toContain('Gatehouse')
    expect(defaultUserDataDir('darwin', {})).toMatch(/Library\/Application Support\/Gatehouse$/)
  })
})
