import { and, eq, inArray, isNull } from 'drizzle-orm'
import type { EventMessage } from '../../shared/contract/events'
import { breachOf, type Breach } from '../../shared/domain/alarm-levels'
import { gases, type Gas } from '../../shared/domain/gases'
import { acceptsEntries, mayHoldPeople } from '../../shared/domain/permit-lifecycle'
import type { Actor } from '../audit/audit-repository'
import type { Db } from '../db/database'
import { alarms } from '../db/schema'
import { insideOf } from '../entries/presence'
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
  /** "permit|source" of every active gas alarm: a clean reading from anywhere else needs no lookup. */
  sources: Set<string>
}

/** A permit's limits, worked out once per permit and batch rather than once per reading. */
const limitsOf = new WeakMap<PermitRow, { conditions: AcceptableConditions; profile: LimitProfile }>()
function limits(permit: PermitRow) {
  let known = limitsOf.get(permit)
  if (!known) {
    known = { conditions: conditionsOf(permit), profile: profileOf(permit.limitProfile) }
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
     * Only what is still active is read whole; of the cleared-but-unresolved (a flood left to a
     * person) only which permits have any, so a long queue of them does not slow ingest.
     */
    openAlarms(tx: Db, permitIds: readonly number[]): OpenAlarms {
      const ids = [...permitIds]
      const rows =
        ids.length === 0
          ? []
          : tx
              .select()
              .from(alarms)
              .where(and(inArray(alarms.permitId, ids), isNull(alarms.resolvedAt), isNull(alarms.clearedAt)))
              .all()
      const unresolved = new Set(
        ids.length === 0
          ? []
          : tx
              .selectDistinct({ permitId: alarms.permitId })
              .from(alarms)
              .where(and(inArray(alarms.permitId, ids), isNull(alarms.resolvedAt)))
              .all()
              .map((row) => row.permitId),
      )
      const active = new Map<string, AlarmRow>()
      const stale = new Map<number, number>()
      const sources = new Set<string>()
      for (const row of rows) {
        if (row.kind === 'stale') stale.set(row.permitId, row.id)
        else if (row.gas !== null) {
          active.set(`${row.permitId}|${row.sourceKey}|${row.gas}`, row)
          sources.add(`${row.permitId}|${row.sourceKey}`)
        }
      }
      return { active, unresolved, stale, sources }
    },

    /** A feed that speaks again is no longer stale: clears the permit's stale-feed alarm, if any. */
    clearStale(tx: Db, open: OpenAlarms, permitId: number, at: number): number[] {
      const id = open.stale.get(permitId)
      if (id === undefined) return []
      tx.update(alarms).set({ clearedAt: at }).where(eq(alarms.id, id)).run()
      open.stale.delete(permitId)
      return [id]
    },

    /** Judges one reading's measured gases for one permit, raising, escalating or clearing alarms. */
    observe(
      tx: Db,
      open: OpenAlarms,
      permit: PermitRow,
      source: AlarmSource,
      values: Partial<Record<Gas, number>>,
      at: number,
      outcome: PermitAlarmOutcome,
    ): void {
      const { conditions, profile } = limits(permit)
      const sourceKey = `${permit.id}|${source.key}`
      for (const gas of gases) {
        const value = values[gas]
        if (value === undefined) continue
        const breach = breachOf(gas, value, conditions, profile)
        // The common case, clean air with nothing active: nothing to look up, nothing to write.
        if (breach === null && !open.sources.has(sourceKey)) continue
        const key = `${sourceKey}|${gas}`
        const current = open.active.get(key)
        if (breach === null) {
          if (current) {
            tx.update(alarms).set({ clearedAt: at }).where(eq(alarms.id, current.id)).run()
            open.active.delete(key)
            outcome.changed.push(current.id)
          }
          continue
        }
        outcome.breaches.push(breach)
        const message = `${breach.message}, ${source.label}`
        if (!current) {
          const values = {
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
          // The row is known but for its id: no need to read it back.
          const { lastInsertRowid } = tx.insert(alarms).values(values).run()
          const row: AlarmRow = { ...emptyAlarm, ...values, id: Number(lastInsertRowid) }
          open.active.set(key, row)
          open.sources.add(sourceKey)
          open.unresolved.add(permit.id)
          outcome.raised.push(row.id)
          outcome.priorities.set(row.id, row.priority)
          continue
        }
        const worse = isWorse(breach, current)
        if (!worse.level && !worse.value) continue
        const changes = {
          ...(worse.level
            ? {
                level: breach.level,
                limit: breach.limit,
                priority: breach.level === 'high' ? ('high' as const) : current.priority,
              }
            : {}),
          value,
          message,
        }
        tx.update(alarms).set(changes).where(eq(alarms.id, current.id)).run()
        open.active.set(key, { ...current, ...changes })
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
      const inside = insideOf(tx, permit.id).length
      if (!high && inside === 0) return none
      const admitting = acceptsEntries(permit.state)
      const evacuating = openEvacuationsByPermit(tx, [permit.id]).has(permit.id)
      if (!mayHoldPeople(permit.state) || (!admitting && (inside === 0 || evacuating))) return none
      const worst = outcome.breaches.reduce((a, b) => ((levelRank[b.level] ?? 0) > (levelRank[a.level] ?? 0) ? b : a))
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
}

export type AlarmEngine = ReturnType<typeof createAlarmEngine>
