import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { systemClock } from '../../src/main/core/clock'
import { makeTestBackend } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'
import { accessScenario } from './support/access-scenario'

const run = promisify(execFile)
const decider = path.join(__dirname, 'support/decider.ts')

let t: TestBackend
let s: Awaited<ReturnType<typeof accessScenario>>
beforeEach(async () => {
  // The deciders run on the system clock, so this backend does too.
  t = makeTestBackend({ clock: systemClock })
  s = await accessScenario(t)
})
afterEach(() => t.dispose())

const decide = (token: string, decision: 'approve' | 'deny', requestIds: number[]) =>
  run(process.execPath, ['--import', 'tsx', decider, t.dataDir, token, decision, requestIds.join(','), '2'], {
    cwd: path.resolve(__dirname, '../..'),
  }).then((o) => JSON.parse(o.stdout.trim()) as string[])

describe('two approvers deciding the same requests at once, from two processes', () => {
  it('leaves exactly one decision and at most one grant per request, and the audit chain intact', async () => {
    const requestIds: number[] = []
    for (let i = 0; i < 30; i += 1) {
      const requester = await t.userWithRoles(s.admin.token, `req${i}`, ['requester'])
      const filed = await t.ok(
        'access.fileRequest',
        { resourceId: s.ledger.id, level: 'read', justification: 'Race', durationHours: 8 },
        requester.token,
      )
      requestIds.push(filed.id)
    }
    // Both start together (a barrier), from opposite ends of the list, so they meet in the middle.
    const [approving, denying] = await Promise.all([
      decide(s.ita.token, 'approve', requestIds),
      decide(s.itb.token, 'deny', [...requestIds].reverse()),
    ])
    expect(approving?.filter((c) => c === 'ok').length, 'approvals that won').toBeGreaterThan(0)
    expect(denying?.filter((c) => c === 'ok').length, 'denials that won').toBeGreaterThan(0)
    const outcomes = [...(approving ?? []), ...(denying ?? [])]
    expect(outcomes.filter((c) => c !== 'ok' && c !== 'CONFLICT')).toEqual([])
    // Each request was decided once: one ok between the two approvers, the other found it decided.
    expect(outcomes.filter((c) => c === 'ok')).toHaveLength(requestIds.length)
    const db = new Database(t.backend.databaseFile, { readonly: true })
    try {
      const perRequest = db
        .prepare(
          `select r.id, r.status, (select count(*) from access_approvals a where a.request_id = r.id) as decisions,
                  (select count(*) from access_grants g where g.request_id = r.id) as grants
           from access_requests r`,
        )
        .all() as { id: number; status: string; decisions: number; grants: number }[]
      expect(perRequest).toHaveLength(requestIds.length)
      for (const row of perRequest) {
        expect(row.decisions, `request ${row.id}`).toBe(1)
        expect(row.grants, `request ${row.id}`).toBe(row.status === 'approved' ? 1 : 0)
        expect(['approved', 'denied']).toContain(row.status)
      }
    } finally {
      db.close()
    }
    expect(await t.ok('audit.verify', {}, s.admin.token)).toMatchObject({ intact: true })
  }, 60_000)
})
