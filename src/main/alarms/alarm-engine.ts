import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import type { EventMessage } from '../../shared/contract/events'
import { breachOf, cleanBand, type Breach } from '../../shared/domain/alarm-levels'
import { gases, type Gas } from '../../shared/domain/gases'
import { acceptsEntries, mayHoldPeople } from '../../shared/domain/permit-lifecycle'
import type { Actor } from '../audit/audit-repository'
import type { Db, Sqlite } from '../db/database'
import * as schema from '../db/schema'
import { alarms } from '../db/schema'
import { preparedInsideOf } from '../entries/presence'
import { openEvacuationsByPermit } from '../evacuations/evacuation-repository'
import { orderEvacuation } from '../evacuations/evacuation-order'
import { profileOf } from '../permits/permit-fields'
import { conditionsOf } from '../permits/permit-repository'
import type { PermitRow } from '../permits/permit-repository'
import type { PermitService } from '../permits/permit-service'
import type { AcceptableConditions, LimitProfile } from '../../shared/domain/limit-profiles'
import type { AlarmRow } from './alarm-repository'

/** Where readings come from, for alarms: one instrument, or the permit's atmospheric tests. */
export interface AlarmSource {
  key: string
  instrumentId: number | null
  label: string
}

export const testsSource: AlarmSource = { key: 'tests', instrumentId: null, label: 'atmospheric test' }
export const instrumentSource = (instrument: { id: number; serial: string }): AlarmSource => ({
  key: `instrument:${String(instrument.id)}`,
  instrumentId: instrument.id,
  label: instrument.serial,
})

const levelRank: Record<string, number> = { condition: 1, low: 2, high: 3 }

/** What Gatehouse itself does on an alarm is on the timeline under this name, not under whoever sent the reading. */
export const alarmActor: Actor = { id: null, name: 'Gatehouse (gas alarm)' }

/** What one batch did to one permit's alarms, for its audit entry and its events. */
export interface PermitAlarmOutcome {
  raised: number[]
  /** The priority each raised alarm was given, for its event. */
  priorities: Map<number, AlarmRow['priority']>
  changed: number[]
  breaches: Breach[]
}

export const noAlarmOutcome = (): PermitAlarmOutcome => ({
  raised: [],
  priorities: new Map(),
  changed: [],
  breaches: [],
})

/** What a new alarm row holds before anyone has touched it. */
const emptyAlarm = {
  latched: false,
  acknowledgedAt: null,
  acknowledgedById: null,
  clearedAt: null,
  resolvedAt: null,
  resolvedById: null,
  resolution: null,
  resolutionNote: null,
  helpSent: null,
} satisfies Partial<AlarmRow>

/**
 * A batch's view of the open alarms of its permits, read once: a thousand readings cost one
 * query, and the database is written only when an alarm changes.
 */
export interface OpenAlarms {
  /** Active (not cleared) gas alarms by permit, source and gas. */
  active: Map<string, AlarmRow>
  /** Permits with any alarm not resolved yet (for first-out). */
  unresolved: Set<number>
  /** Active stale-feed alarms by permit: a reading clears them. */
  stale: Map<number, number>
  /** The sources with an active gas alarm, by permit: a clean reading from any other needs no lookup. */
  sources: Map<number, Set<string>>
}

/** A permit's limits, and each gas with its clean band (in `gases` order), worked out once per permit and batch. */
const limitsOf = new WeakMap<
  PermitRow,
  {
    conditions: AcceptableConditions
    profile: LimitProfile
    bands: { gas: Gas; above: number; below: number }[]
  }
>()
function limits(permit: PermitRow) {
  let known = limitsOf.get(permit)
  if (!known) {
    const conditions = conditionsOf(permit)
    const profile = profileOf(permit.limitProfile)
    known = { conditions, profile, bands: gases.map((gas) => ({ gas, ...cleanBand(gas, conditions, profile) })) }
    limitsOf.set(permit, known)
  }
  return known
}

/** Further from normal: a higher level, or a value further from clean air. */
function isWorse(breach: Breach, current: AlarmRow): { level: boolean; value: boolean } {
  const level = (levelRank[breach.level] ?? 0) > (levelRank[current.level] ?? 0)
  const previous = current.value ?? breach.value
  const value =
    breach.gas === 'o2' ? Math.abs(breach.value - 20.9) > Math.abs(previous - 20.9) : breach.value > previous
  return { level, value }
}

/**
 * One place for every source (manual tests, field API, imports, the simulator): each reading is
 * checked gas by gas against the permit's acceptable conditions and the site profile's alarm
 * levels. One alarm per source and gas while it is active; it keeps the worst level and value
 * reached and clears when the value is back in limits. Work happens inside the caller's
 * transaction, so alarms commit with the readings that raised them.
 */
export function createAlarmEngine(permitService: PermitService) {
  return {
    /**
     * The engine's part of an ingest batch, on this connection: statements prepared once here,
     * run inside whatever transaction the connection holds (the batch's), so alarms commit with the
     * readings that raised them. drizzle would build each query's SQL anew on every call.
     */
    batchWork(sqlite: Sqlite): BatchAlarms {
      const db: Db = drizzle({ client: sqlite, schema })
      const permitIds = sql.placeholder('permitIds')
      const ofPermits = sql`${alarms.permitId} in (select value from json_each(${permitIds}))`
      const activeQuery = db
        .select()
        .from(alarms)
        .where(and(ofPermits, isNull(alarms.resolvedAt), isNull(alarms.clearedAt)))
        .orderBy(asc(alarms.permitId), asc(alarms.id))
        .prepare()
      const unresolvedQuery = db
        .selectDistinct({ permitId: alarms.permitId })
        .from(alarms)
        .where(and(ofPermits, isNull(alarms.resolvedAt)))
        .prepare()
      const insertAlarm = sqlite.prepare(
        `insert into alarms (kind, priority, permit_id, instrument_id, source_key, gas, level, value, "limit", message, raised_at, first_out, latched)
         values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
      )
      const clearAlarm = sqlite.prepare('update alarms set cleared_at = ? where id = ?')
      const escalateAlarm = sqlite.prepare(
        'update alarms set level = ?, "limit" = ?, priority = ?, value = ?, message = ? where id = ?',
      )
      const worsenAlarm = sqlite.prepare('update alarms set value = ?, message = ? where id = ?')
      const peopleInside = preparedInsideOf(db)

      return {
        /**
         * Only what is still active is read whole; of the cleared-but-unresolved (a flood left to a
         * person) only which permits have any, so a long queue of them does not slow ingest.
         */
        openAlarms(ids: readonly number[]): OpenAlarms {
          const active = new Map<string, AlarmRow>()
          const stale = new Map<number, number>()
          const sources = new Map<number, Set<string>>()
          if (ids.length === 0) return { active, unresolved: new Set(), stale, sources }
          const placeholders = { permitIds: JSON.stringify(ids) }
          const unresolved = new Set(unresolvedQuery.all(placeholders).map((row) => row.permitId))
          for (const row of activeQuery.all(placeholders)) {
            if (row.kind === 'stale') stale.set(row.permitId, row.id)
            else if (row.gas !== null) {
              active.set(`${String(row.permitId)}|${row.sourceKey}|${row.gas}`, row)
              sourcesOf(sources, row.permitId).add(row.sourceKey)
            }
          }
          return { active, unresolved, stale, sources }
        },

        /** A feed that speaks again is no longer stale: clears the permit's stale-feed alarm, if any. */
        clearStale(open: OpenAlarms, permitId: number, at: number): number[] {
          const id = open.stale.get(permitId)
          if (id === undefined) return []
          clearAlarm.run(at, id)
          open.stale.delete(permitId)
          return [id]
        },

        /**
         * Judges one reading's measured gases for one permit, raising, escalating or clearing
         * alarms. `values` (in `gases` order, undefined when not measured) is read during the call
         * only, so a caller may reuse one array.
         */
        observe(
          open: OpenAlarms,
          permit: PermitRow,
          source: AlarmSource,
          values: readonly (number | undefined)[],
          at: number,
          outcome: PermitAlarmOutcome,
        ): void {
          const { conditions, profile, bands } = limits(permit)
          // Whether this source has an alarm to clear; one it raises below needs no clearing by this reading.
          const watched = open.sources.get(permit.id)?.has(source.key) === true
          for (let index = 0; index < bands.length; index++) {
            const value = values[index]
            const band = bands[index]
            if (value === undefined || !band) continue
            const { gas } = band
            // The common case, clean air with nothing active: nothing to judge further, look up or write.
            if (!watched && value > band.above && value < band.below) continue
            const breach = breachOf(gas, value, conditions, profile)
            if (breach === null && !watched) continue
            const key = `${String(permit.id)}|${source.key}|${gas}`
            const current = open.active.get(key)
            if (breach === null) {
              if (current) {
                clearAlarm.run(at, current.id)
                open.active.delete(key)
                outcome.changed.push(current.id)
              }
              continue
            }
            outcome.breaches.push(breach)
            const message = `${breach.message}, ${source.label}`
            if (!current) {
              const fields = {
                kind: 'gas' as const,
                priority: breach.level === 'high' ? ('high' as const) : ('medium' as const),
                permitId: permit.id,
                instrumentId: source.instrumentId,
                sourceKey: source.key,
                gas,
                level: breach.level,
                value,
                limit: breach.limit,
                message,
                raisedAt: at,
                // First-out: nothing else of this permit was waiting for a person when it came.
                firstOut: !open.unresolved.has(permit.id),
              }
              const { lastInsertRowid } = insertAlarm.run(
                fields.kind,
                fields.priority,
                fields.permitId,
                fields.instrumentId,
                fields.sourceKey,
                fields.gas,
                fields.level,
                fields.value,
                fields.limit,
                fields.message,
                fields.raisedAt,
                fields.firstOut ? 1 : 0,
              )
              // The row is known but for its id: no need to read it back.
              const row: AlarmRow = { ...emptyAlarm, ...fields, id: Number(lastInsertRowid) }
              open.active.set(key, row)
              sourcesOf(open.sources, permit.id).add(source.key)
              open.unresolved.add(permit.id)
              outcome.raised.push(row.id)
              outcome.priorities.set(row.id, row.priority)
              continue
            }
            const worse = isWorse(breach, current)
            if (!worse.level && !worse.value) continue
            if (worse.level) {
              const priority = breach.level === 'high' ? ('high' as const) : current.priority
              escalateAlarm.run(breach.level, breach.limit, priority, value, message, current.id)
              open.active.set(key, { ...current, level: breach.level, limit: breach.limit, priority, value, message })
            } else {
              worsenAlarm.run(value, message, current.id)
              open.active.set(key, { ...current, value, message })
            }
            outcome.changed.push(current.id)
          }
        },

        /**
         * After a batch, at most once per permit: a high alarm, or any breach while someone is inside,
         * suspends the permit and orders evacuation through the one mechanism, unless that is already
         * under way. The alarms that did it are latched.
         */
        act(
          tx: Db,
          permit: PermitRow,
          outcome: PermitAlarmOutcome,
          now: number,
        ): { events: EventMessage[]; action: { permit: string; evacuationId: number; suspended: boolean } | null } {
          const none = { events: [], action: null }
          if (outcome.breaches.length === 0) return none
          const high = outcome.breaches.some((breach) => breach.level === 'high')
          const inside = peopleInside(permit.id).length
          if (!high && inside === 0) return none
          const admitting = acceptsEntries(permit.state)
          const evacuating = openEvacuationsByPermit(tx, [permit.id]).has(permit.id)
          if (!mayHoldPeople(permit.state) || (!admitting && (inside === 0 || evacuating))) return none
          const worst = outcome.breaches.reduce((a, b) =>
            (levelRank[b.level] ?? 0) > (levelRank[a.level] ?? 0) ? b : a,
          )
          const order = orderEvacuation(tx, permitService, {
            scope: { permitId: permit.id },
            reason: `Gas alarm: ${worst.message}`,
            actor: alarmActor,
            orderedById: null,
            now,
          })
          // Latched: every gas alarm of the permit still active, and those this batch raised (even if it cleared them).
          const causing = tx
            .select({ id: alarms.id, clearedAt: alarms.clearedAt })
            .from(alarms)
            .where(and(eq(alarms.permitId, permit.id), isNull(alarms.resolvedAt), eq(alarms.kind, 'gas')))
            .all()
            .filter((row) => row.clearedAt === null || outcome.raised.includes(row.id))
            .map((row) => row.id)
          if (causing.length > 0) tx.update(alarms).set({ latched: true }).where(inArray(alarms.id, causing)).run()
          return {
            events: order.events,
            action: { permit: permit.number, evacuationId: order.evacuation.id, suspended: admitting },
          }
        },
      }
    },
  }
}

export type AlarmEngine = ReturnType<typeof createAlarmEngine>

/** The engine's part of an ingest batch, on one connection (AlarmEngine.batchWork). */
export interface BatchAlarms {
  openAlarms(permitIds: readonly number[]): OpenAlarms
  clearStale(open: OpenAlarms, permitId: number, at: number): number[]
  observe(
    open: OpenAlarms,
    permit: PermitRow,
    source: AlarmSource,
    values: readonly (number | undefined)[],
    at: number,
    outcome: PermitAlarmOutcome,
  ): void
  act(
    tx: Db,
    permit: PermitRow,
    outcome: PermitAlarmOutcome,
    now: number,
  ): { events: EventMessage[]; action: { permit: string; evacuationId: number; suspended: boolean } | null }
}

function sourcesOf(sources: Map<number, Set<string>>, permitId: number): Set<string> {
  let known = sources.get(permitId)
  if (!known) {
    known = new Set()
    sources.set(permitId, known)
  }
  return known
}
