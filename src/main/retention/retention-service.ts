import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import type { RetentionRunDto } from '../../shared/contract/retention'
import type { Actor } from '../audit/audit-repository'
import type { Clock } from '../core/clock'
import type { Commit } from '../core/unit-of-work'
import type { Sqlite } from '../db/database'
import { createRetentionRepository } from './retention-repository'

/** Retention runs are audited under this name. */
export const retentionActor: Actor = { id: null, name: 'Gatehouse (retention)' }

/** How often retention looks for readings due (backend.ts's timer). */
export const retentionCheckMs = 60 * 60_000

/** Readings removed per transaction: short enough that ingest waits a few milliseconds at most. */
export const retentionBatchRows = 4000

export interface RetentionFailure {
  at: number
  message: string
}

/**
 * Removes the raw continuous readings of permits closed or cancelled longer ago than their site
 * keeps them (at least a year: 1910.146(e)(6)); their per-minute, per-hour and per-day rollups stay. A
 * batch at a time, each in its own transaction that first checks the permit is still ended,
 * yielding between batches so the console stays responsive; one audit entry per run that removed
 * anything, with the count per permit.
 */
export function createRetentionService(deps: { sqlite: Sqlite; commit: Commit; clock: Clock }) {
  const { commit, clock } = deps
  const repository = createRetentionRepository(deps.sqlite)
  let lastCheckedAt: number | null = null
  let lastFailure: RetentionFailure | null = null
  let running: Promise<RetentionRunDto | null> | null = null

  async function run(): Promise<RetentionRunDto | null> {
    const startedAt = clock.now()
    const removed: RetentionRunDto['permits'] = []
    const kept: { endedAt: number; keptDays: number }[] = []
    for (const permit of repository.duePermits(startedAt)) {
      let readings = 0
      for (;;) {
        const batch = repository.removeBatch(permit, retentionBatchRows, clock.now())
        readings += batch
        await yieldToEventLoop()
        if (batch < retentionBatchRows) break
      }
      if (readings === 0) continue
      removed.push({ permitId: permit.id, number: permit.number, readings })
      kept.push({ endedAt: permit.endedAt, keptDays: permit.keptDays })
    }
    lastCheckedAt = startedAt
    if (removed.length === 0) return null
    const readings = removed.reduce((sum, permit) => sum + permit.readings, 0)
    return commit(retentionActor, (_tx, now) => ({
      value: { at: now, permits: removed, readings },
      audit: {
        action: 'readings.raw_removed',
        entityType: 'retention',
        entityId: null,
        after: {
          readings,
          permits: removed.map((permit, index) => ({ ...permit, ...kept[index] })),
        },
      },
    }))
  }

  return {
    /** Removes what is due; null when nothing was. One run at a time: a second call joins the first. */
    runDue(): Promise<RetentionRunDto | null> {
      running ??= run()
        .then(
          (outcome) => {
            lastFailure = null
            return outcome
          },
          (error: unknown) => {
            lastFailure = { at: clock.now(), message: error instanceof Error ? error.message : String(error) }
            throw error
          },
        )
        .finally(() => {
          running = null
        })
      return running
    },
    lastRun: () => repository.lastRun(),
    lastCheckedAt: () => lastCheckedAt,
    lastFailure: () => lastFailure,
  }
}

export type RetentionService = ReturnType<typeof createRetentionService>
