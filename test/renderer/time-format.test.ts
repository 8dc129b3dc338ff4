import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  formatRelative,
  formatShortDate,
  formatShortTime,
  formatTime,
  formatTimeOfDay,
  formatUtc,
} from '../../src/renderer/src/format/time'

// 15:05:09 on the workstation's clock, whatever zone the machine running the test is in.
const afternoon = new Date(2026, 10, 21, 15, 5, 9).getTime()

describe('one way of writing times, in the workstation’s zone', () => {
  it('writes the hours on a 24-hour clock, the workstation’s locale not asking otherwise', () => {
    expect(formatTimeOfDay(afternoon)).toMatch(/^15[:.]05$/)
    expect(formatShortTime(afternoon)).toMatch(/15[:.]05$/)
    expect(formatTime(afternoon)).toMatch(/15[:.]05[:.]09$/)
    for (const text of [formatTimeOfDay(afternoon), formatShortTime(afternoon), formatTime(afternoon)])
      expect(text).not.toMatch(/AM|PM/)
  })

  it('writes the same day the same way in every style', () => {
    const day = formatShortDate(afternoon)
    expect(formatShortTime(afternoon).startsWith(day)).toBe(true)
    expect(formatTime(afternoon).startsWith(day)).toBe(true)
  })

  it('says how far off a moment is, to the minute and never sooner than it is', () => {
    expect(formatRelative(afternoon + 12 * 60_000 + 59_000, afternoon)).toBe('in 12 min')
    expect(formatRelative(afternoon - (3 * 60 + 5) * 60_000, afternoon)).toBe('3 h 5 min ago')
    expect(formatRelative(afternoon + 30_000, afternoon)).toBe('now')
  })

  it('gives UTC, said so, for comparing with other systems', () => {
    expect(formatUtc(Date.UTC(2026, 10, 21, 8, 0, 5))).toBe('2026-11-21 08:00:05 UTC')
  })

  it('is the only place in the renderer that turns a moment into words', () => {
    const root = path.resolve(import.meta.dirname, '../../src/renderer/src')
    const own = path.join(root, 'format')
    const files = (fs.readdirSync(root, { recursive: true }) as string[])
      .map((name) => path.join(root, name))
      .filter((file) => /\.tsx?$/.test(file) && !file.startsWith(own))
    const handWritten = /DateTimeFormat|toLocale(Date|Time)?String\(\)|toLocale(Date|Time)String|\.toTimeString\(/
    expect(
      files.filter((file) => handWritten.test(fs.readFileSync(file, 'utf8'))).map((file) => path.relative(root, file)),
    ).toEqual([])
  })
})
