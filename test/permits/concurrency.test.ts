import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { systemClock } from '../../src/main/core/clock'
import { makeTestBackend } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'
import { confinedSpaceSite } from '../support/scenario'

const run = promisify(execFile)
const station = path.join(__dirname, 'support/station.ts')

/** Two workstations in two processes, each with its own connection to the one database file. */
async function twoStations(
  t: TestBackend,
  tokens: [string, string],
  mode: 'edit' | 'transit',
  permitId: number,
  rounds: number,
) {
  const start = (token: string, label: string) =>
    run(
      process.execPath,
      ['--import', 'tsx', station, t.dataDir, token, mode, String(permitId), label, String(rounds)],
      { cwd: path.resolve(__dirname, '../..') },
    )
  const outputs = await Promise.all([start(tokens[0], 'A'), start(tokens[1], 'B')])
  return outputs.map((o) => JSON.parse(o.stdout.trim()) as string[])
}

let t: TestBackend
let s: Awaited<ReturnType<typeof confinedSpaceSite>>
beforeEach(async () => {
  // The stations run on the system clock, so this backend does too.
  t = makeTestBackend({ clock: systemClock })
  s = await confinedSpaceSite(t)
})
afterEach(() => t.dispose())

describe('two supervisors at once, from two processes', () => {
  it('editing one draft: every edit either lands or is refused as CONFLICT, none is lost, the audit chain holds', async () => {
    const second = await t.userWithRoles(s.admin.token, 'sam2', ['supervisor'])
    const draft = await t.ok('permits.create', s.permitFields(), s.supervisor.token)
    const outcomes = await twoStations(t, [s.supervisor.token, second.token], 'edit', draft.card.id, 15)
    const all = outcomes.flat()
    expect(new Set(all)).toEqual(new Set(all.filter((c) => c === 'ok' || c === 'CONFLICT')))
    const landed = all.filter((c) => c === 'ok').length
    const detail = await t.ok('permits.get', { permitId: draft.card.id }, s.supervisor.token)
    // Each landed edit bumped the version once; an edit against a stale version never landed.
    expect(detail.card.version).toBe(draft.card.version + landed)
    expect(detail.timeline.filter((e) => e.kind === 'edited')).toHaveLength(landed)
    expect(await t.ok('audit.verify', {}, s.admin.token)).toMatchObject({ intact: true })
  })

  it('logging entries and exits of the same people at two portals: headcount exact, never negative, every exit accepted', async () => {
    const ready = await s.readyPermit()
    const second = await t.userWithRoles(s.admin.token, 'art2', ['attendant'])
    const outcomes = await twoStations(t, [s.attendant.token, second.token], 'transit', ready.id, 40)
    const all = outcomes.flat()
    expect(all.filter((c) => c !== 'entry' && c !== 'exit' && c !== 'PRECONDITION_FAILED')).toEqual([])
    expect(all.filter((c) => c === 'exit')).toHaveLength(80)
    const card = (await t.ok('permits.get', { permitId: ready.id }, s.supervisor.token)).card
    expect(card.inside).toEqual([])
    const pairs = await t.ok('entries.pairs', { permitId: ready.id }, s.supervisor.token)
    expect(pairs.filter((p) => p.exitTime === null)).toEqual([])
    expect(await t.ok('audit.verify', {}, s.admin.token)).toMatchObject({ intact: true })
  })
})
