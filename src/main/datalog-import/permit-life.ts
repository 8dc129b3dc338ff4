import { isTerminal } from '../../shared/domain/permit-lifecycle'
import type { Sqlite } from '../db/database'
import type { PermitRow } from '../permits/permit-repository'
import type { PermitLife } from '../readings/reading-checks'

/**
 * How long after a permit was closed or cancelled a datalog reading is still taken as its own: a
 * monitor is often switched off a few minutes after the close-out, and its clock may run ahead.
 */
export const afterCloseToleranceMs = 15 * 60_000

const iso = (ms: number) => new Date(ms).toISOString()

/**
 * A permit's life for history: from when it was drafted to when it was closed or cancelled (its
 * timeline says when) plus the tolerance; an open permit's life has no end yet (the not-in-the-future
 * rule bounds it).
 */
export function createPermitLives(sqlite: Sqlite): (permit: PermitRow) => PermitLife {
  const closedAt = sqlite
    .prepare("select max(at) as at from permit_timeline where permit_id = ? and to_state in ('closed', 'cancelled')")
    .pluck()
  return (permit) => {
    const fromWords = `was drafted (${iso(permit.createdAt)})`
    if (!isTerminal(permit.state)) return { from: permit.createdAt, to: Infinity, fromWords, toWords: '' }
    const ended = (closedAt.get(permit.id) as number | null) ?? permit.updatedAt
    return {
      from: permit.createdAt,
      to: ended + afterCloseToleranceMs,
      fromWords,
      toWords: `was ${permit.state} (${iso(ended)}) by more than ${String(afterCloseToleranceMs / 60_000)} minutes`,
    }
  }
}
