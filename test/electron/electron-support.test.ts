import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { electronSupportWarning } from '../../scripts/electron-support.mjs'

const declared: string = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../package.json'), 'utf8'))
  .devDependencies.electron

describe('the Electron support window (latest three major lines)', () => {
  it('is quiet while our line is one of the two newest', () => {
    expect(electronSupportWarning('^45.5.0', '45.5.0')).toBeNull()
    expect(electronSupportWarning('^45.5.0', '46.0.1')).toBeNull()
  })

  it('warns ahead of time when our line is the oldest still supported', () => {
    expect(electronSupportWarning('^45.5.0', '47.1.0')).toBe(
      'Electron 45 is the oldest supported line and leaves support with the next major; plan the move to 47.',
    )
  })

  it('says when our line is out of support, and what to move to', () => {
    expect(electronSupportWarning('^41.7.1', '45.5.0')).toBe(
      'Electron 41 is out of support (no security fixes): the supported lines are 43 to 45; move package.json to electron@^45.',
    )
  })

  it("accepts package.json's range as written", () => {
    expect(() => electronSupportWarning(declared, '45.5.0')).not.toThrow()
  })
})
