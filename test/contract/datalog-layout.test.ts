import { describe, expect, it } from 'vitest'
import { detectColumns, parseDatalogTime, parseGasCell } from '../../src/shared/contract/datalog'

const instant = Date.UTC(2026, 10, 21, 8, 15, 0)

describe('the datalog layout', () => {
  it('finds columns by the names vendors write, whatever their case, spaces and punctuation', () => {
    expect(detectColumns(['Date/Time', 'SN', 'O2 (%VOL)', 'LEL (%LEL)', 'H2S (PPM)', 'CO (PPM)', 'Note'])).toEqual({
      time: 0,
      serial: 1,
      o2: 2,
      lel: 3,
      h2s: 4,
      co: 5,
    })
    expect(detectColumns(['timestamp', 'serial number', 'o2', 'permit #', 'Serial'])).toEqual({
      time: 0,
      serial: 1,
      o2: 2,
      permit: 3,
    })
  })

  it('reads a time with its zone as the instant it names', () => {
    for (const text of [
      '2026-11-21T08:15:00Z',
      '2026-11-21 08:15:00z',
      '2026-11-21T08:15Z',
      '2026-11-21T08:15:00.000 UTC',
      '2026-11-21T13:45:00+05:30',
      '2026-11-21T13:45:00+0530',
      '2026-11-21T04:15:00-04:00',
      '2026-11-21T04:15:00-04',
      '1795248900',
      '1795248900000',
      '  1795248900.000 ',
    ])
      expect(parseDatalogTime(text), text).toEqual({ ok: true, value: instant })
    expect(parseDatalogTime('2026-11-21T08:15:00.25Z')).toEqual({ ok: true, value: instant + 250 })
    expect(parseDatalogTime('1795248900.5')).toEqual({ ok: true, value: instant + 500 })
  })

  it('refuses a time without a zone, saying to add the offset, and never guesses one', () => {
    const refused = parseDatalogTime('2026-11-21 08:15:00')
    expect(refused).toMatchObject({ ok: false, rule: 'time_zone' })
    expect(refused.ok ? '' : refused.message).toMatch(/add the offset/)
  })

  it('refuses what is not a time: other formats, impossible dates, finer than a millisecond', () => {
    for (const text of ['', '21/11/2026 08:15', '2026-11-21', '2026-02-30T08:00:00Z', '2026-11-21T24:00:00Z'])
      expect(parseDatalogTime(text).ok, text).toBe(false)
    expect(parseDatalogTime('2026-11-21T08:15:00.0001Z')).toMatchObject({ ok: false, rule: 'time_format' })
    expect(parseDatalogTime('2026-11-21T08:15:00+19:00')).toMatchObject({ ok: false, rule: 'time_format' })
    expect(parseDatalogTime('1795248900000.5')).toMatchObject({ ok: false, rule: 'time_format' })
  })

  it('reads a gas cell as written: empty is not measured, never 0; text is refused', () => {
    expect(parseGasCell('')).toEqual({ ok: true, value: undefined })
    expect(parseGasCell(' 20.9 ')).toEqual({ ok: true, value: 20.9 })
    expect(parseGasCell('.5')).toEqual({ ok: true, value: 0.5 })
    expect(parseGasCell('-1')).toEqual({ ok: true, value: -1 })
    for (const text of ['n/a', '20,9', '0x10', '1e3', 'OR']) expect(parseGasCell(text).ok, text).toBe(false)
  })
})
