import { describe, expect, it } from 'vitest'
import { timeTicks } from '../../src/renderer/src/features/trends/trend-time-ticks'

const day = 86_400_000
const now = new Date(2026, 10, 30, 23, 47, 13).getTime()
const local = (time: number) => {
  const date = new Date(time)
  return { date: date.getDate(), hours: date.getHours(), minutes: date.getMinutes(), seconds: date.getSeconds() }
}

describe('time-axis ticks', () => {
  it('fall on whole local hours over a day, no more than there is room for', () => {
    const ticks = timeTicks(now - day, now, 12)
    expect(ticks.length).toBeGreaterThanOrEqual(6)
    expect(ticks.length).toBeLessThanOrEqual(12)
    for (const tick of ticks) expect(local(tick)).toMatchObject({ minutes: 0, seconds: 0 })
    expect(ticks[0]).toBeGreaterThanOrEqual(now - day)
    expect(ticks.at(-1)).toBeLessThanOrEqual(now)
  })

  it('fall on local midnights over a month, and on the first of each month over a year', () => {
    for (const tick of timeTicks(now - 30 * day, now, 13)) expect(local(tick)).toMatchObject({ hours: 0, minutes: 0 })
    const year = timeTicks(now - 365 * day, now, 13)
    expect(year.length).toBe(12)
    for (const tick of year) expect(local(tick)).toMatchObject({ date: 1, hours: 0, minutes: 0 })
  })

  it('fall on round minutes over a quarter of an hour', () => {
    const ticks = timeTicks(now - 15 * 60_000, now, 12)
    expect(ticks.length).toBeGreaterThanOrEqual(3)
    for (const tick of ticks) expect(local(tick).seconds).toBe(0)
  })
})
