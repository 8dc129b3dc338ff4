import fs from 'node:fs'
import { strFromU8, unzipSync } from 'fflate'
import Papa from 'papaparse'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { longSessions, makeTestBackend } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'
import { exposureSite } from './exposure-site'

/** Issue 11, item 5: the annual programme review names every shift whose exposure went over a limit. */

let t: TestBackend
let x: Awaited<ReturnType<typeof exposureSite>>
beforeEach(async () => {
  t = makeTestBackend({ sessionPolicy: longSessions })
  x = await exposureSite(t)
})
afterEach(() => t.dispose())

describe('the annual review’s exposure', () => {
  it('lists a 15-minute H2S peak over the STEL, and says how many figures went over', async () => {
    const permit = await x.permit()
    await x.enter(permit.id, x.at(0))
    await x.exit(permit.id, x.at(60))
    const peak = (when: number) => when >= x.at(20) && when < x.at(35)
    await x.feed(permit.id, 'MX4', x.at(0), x.at(60), (when) => ({ h2s: peak(when) ? 18 : 2 }))
    const review = await t.ok('evidence.annualReview', { year: 2026 }, x.tester.token)
    const files = unzipSync(fs.readFileSync(review.path))
    const text = (name: string) => strFromU8(files[name] ?? new Uint8Array())
    const rows = Papa.parse<Record<string, string>>(text('exposure-exceedances.csv'), {
      header: true,
      skipEmptyLines: true,
    }).data
    expect(rows).toEqual([
      {
        person: 'Ana Silva',
        shiftStartedAt: new Date(x.at(0)).toISOString(),
        permits: permit.number,
        spaces: 'TK-101',
        gas: 'H2S',
        measure: '15 min STEL',
        valuePpm: '18',
        limitPpm: '15',
      },
    ])
    expect(text('report.html')).toContain('H2S and CO): 1 figure in 1 shift.')
    const nextYear = await t.ok('evidence.annualReview', { year: 2027 }, x.tester.token)
    const next = unzipSync(fs.readFileSync(nextYear.path))
    expect(strFromU8(next['exposure-exceedances.csv'] ?? new Uint8Array())).toBe(
      'person,shiftStartedAt,permits,spaces,gas,measure,valuePpm,limitPpm\n',
    )
  })
})
