import { describe, expect, it } from 'vitest'
import { fromLocalInput, toLocalInput } from '../../src/renderer/src/format/local-datetime'

describe('datetime-local values', () => {
  it('reads a typed time in the workstation’s zone, with or without seconds', () => {
    expect(fromLocalInput('2025-06-02T08:30')).toBe(new Date(2025, 5, 2, 8, 30).getTime())
    expect(fromLocalInput('2025-06-02T08:30:15')).toBe(new Date(2025, 5, 2, 8, 30, 15).getTime())
  })

  it('round-trips a time to the minute', () => {
    const at = new Date(2025, 11, 31, 23, 59).getTime()
    expect(fromLocalInput(toLocalInput(at))).toBe(at)
  })

  it('refuses what is not a complete, real time', () => {
    for (const value of ['', '2025-06-02', '2025-02-31T10:00', 'tomorrow', '2025-06-02T25:00'])
      expect(fromLocalInput(value)).toBeNull()
  })
})
