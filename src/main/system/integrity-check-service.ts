import type { IntegrityCheckDto, IntegrityCheckSchedule } from '../../shared/contract/system'
import type { Actor } from '../audit/audit-repository'
import type { Clock } from '../core/clock'
import { conflict } from '../core/domain-error'
import type { EventBus } from '../core/event-bus'
import type { Commit } from '../core/unit-of-work'
import { integrityText } from '../db/database-file-check'
import type { OpenedDatabase } from '../db/database'
import { startFullCheck } from '../db/full-check'
import type { FullCheckOutcome, RunningCheck } from '../db/full-check'
import { notify } from '../notifications/notification-repository'
import {
  activeAdministratorIds,
  insertCheck,
  lastFullCheck,
  readCheckSchedule,
  saveCheckSchedule,
  toCheckDto,
} from './integrity-check-repository'
import { isCheckDue } from './integrity-check-rules'

/** Checks Gatehouse makes on its own (start-up, the schedule) are audited under this name. */
export const integrityCheckActor: Actor = { id: null, name: 'Gatehouse (integrity check)' }

type Trigger = IntegrityCheckDto['trigger']

export interface IntegrityCheckService {
  /** Records the bounded check this start-up made (it passed, or Gatehouse would not be running). */
  recordStartup(check: { at: number; durationMs: number; pages: number }): IntegrityCheckDto
  /** A full check an administrator asked for; refused while one is running. */
  runManual(actor: Actor): Promise<IntegrityCheckDto>
  /** Runs a scheduled full check when the last full check is older than the interval; null when none was due or one is running. */
  runDue(): Promise<IntegrityCheckDto | null>
  /** The full check running now. */
  running(): { trigger: Trigger; startedAt: number } | null
  setSchedule(actor: Actor, schedule: IntegrityCheckSchedule): IntegrityCheckSchedule & { updatedAt: number | null }
  /** Stops a running check's worker: the backend is closing. */
  close(): void
}

const changed = (at: number) => ({ name: 'system.integrityChecksChanged' as const, payload: { at } })

export function createIntegrityCheckService(deps: {
  database: OpenedDatabase
  commit: Commit
  clock: Clock
  bus: EventBus
  nativeBinding?: string
}): IntegrityCheckService {
  const { database, commit, clock, bus } = deps
  let current: { trigger: Trigger; startedAt: number; check: RunningCheck } | null = null
  let closed = false

  function record(
    actor: Actor,
    trigger: Trigger,
    at: number,
    outcome: { result: string; durationMs: number; pages: number },
  ): IntegrityCheckDto {
    return commit(actor, (tx, now) => {
      const row = insertCheck(tx, { at, trigger, ...outcome, durationMs: Math.round(outcome.durationMs) })
      // Damage found while running is for administrators to act on: restore the last good backup.
      const notices =
        row.result === 'ok'
          ? []
          : notify(
              tx,
              now,
              activeAdministratorIds(tx).map((userId) => ({
                userId,
                kind: 'integrity_check_failed' as const,
                title: 'The database check found a problem',
                body: `${row.result}. Restore the newest backup that passed its check (Admin, Backups), then run the check again.`,
                entityType: 'integrity_check' as const,
                entityId: row.id,
              })),
            )
      return {
        value: toCheckDto(row),
        audit: {
          action: 'system.integrity_checked',
          entityType: 'integrity_check',
          entityId: row.id,
          after: { trigger, result: row.result, durationMs: row.durationMs, pages: row.pages },
        },
        events: [...notices, changed(now)],
      }
    })
  }

  async function run(trigger: Exclude<Trigger, 'startup'>, actor: Actor): Promise<IntegrityCheckDto | null> {
    if (current)
      throw conflict(
        `A full integrity check is already running (${current.trigger === 'manual' ? 'asked for' : 'scheduled'}, started ${new Date(current.startedAt).toISOString()}); its result will be shown when it ends.`,
      )
    const startedAt = clock.now()
    const check = startFullCheck({
      file: database.file,
      ...(deps.nativeBinding ? { nativeBinding: deps.nativeBinding } : {}),
    })
    current = { trigger, startedAt, check }
    bus.publish(changed(startedAt))
    let outcome: { result: string; durationMs: number; pages: number }
    try {
      const done: FullCheckOutcome = await check.done
      outcome = { result: integrityText(done.verdict), durationMs: done.durationMs, pages: done.pages }
    } catch (error) {
      // A check that could not run proves nothing: recorded as a problem, so it is seen.
      const message = error instanceof Error ? error.message : String(error)
      outcome = { result: `the check could not run: ${message}`, durationMs: 0, pages: 0 }
    } finally {
      current = null
    }
    if (closed) return null
    return record(actor, trigger, startedAt, outcome)
  }

  return {
    recordStartup: ({ at, durationMs, pages }) =>
      record(integrityCheckActor, 'startup', at, { result: 'ok', durationMs, pages }),
    runManual: async (actor) => {
      const done = await run('manual', actor)
      if (!done) throw conflict('Gatehouse is closing; the check was stopped.')
      return done
    },
    runDue: async () => {
      if (current || !isCheckDue(lastFullCheck(database.db)?.at ?? null, readCheckSchedule(database.db), clock.now()))
        return null
      return run('scheduled', integrityCheckActor)
    },
    running: () => (current ? { trigger: current.trigger, startedAt: current.startedAt } : null),
    setSchedule: (actor, schedule) =>
      commit(actor, (tx, now) => {
        const before = readCheckSchedule(tx)
        saveCheckSchedule(tx, schedule, now)
        const after = readCheckSchedule(tx)
        return {
          value: after,
          audit: {
            action: 'system.integrity_check_schedule_changed',
            entityType: 'integrity_check_schedule',
            entityId: null,
            before: { everyHours: before.everyHours },
            after: { everyHours: after.everyHours },
          },
          events: [changed(now)],
        }
      }),
    close: () => {
      closed = true
      current?.check.stop()
    },
  }
}
