import { and, desc, eq, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm'
import type { AlarmDto, AlarmState } from '../../shared/contract/alarms'
import type { Db } from '../db/database'
import { alarms, instruments, permits, spaces, users } from '../db/schema'

export type AlarmRow = typeof alarms.$inferSelect

export function alarmState(row: Pick<AlarmRow, 'acknowledgedAt' | 'clearedAt' | 'resolvedAt'>): AlarmState {
  if (row.resolvedAt !== null) return 'resolved'
  const acknowledged = row.acknowledgedAt !== null
  if (row.clearedAt === null) return acknowledged ? 'active_acknowledged' : 'active_unacknowledged'
  return acknowledged ? 'cleared_acknowledged' : 'cleared_unacknowledged'
}

/** Not resolved yet, for this permit. */
export const unresolvedAlarmsOf = (db: Db, permitId: number): AlarmRow[] =>
  db
    .select()
    .from(alarms)
    .where(and(eq(alarms.permitId, permitId), isNull(alarms.resolvedAt)))
    .all()

/** Unresolved alarms of many permits, for the board: one query. */
export function unresolvedAlarmsByPermit(db: Db, permitIds: readonly number[]): Map<number, AlarmRow[]> {
  const result = new Map<number, AlarmRow[]>()
  if (permitIds.length === 0) return result
  const rows = db
    .select()
    .from(alarms)
    .where(and(isNull(alarms.resolvedAt), inArray(alarms.permitId, [...permitIds])))
    .orderBy(desc(alarms.id))
    .all()
  for (const row of rows) result.set(row.permitId, [...(result.get(row.permitId) ?? []), row])
  return result
}

/** Entry waits while a gas alarm is active, or latched and not yet resolved. */
export const blocksEntry = (row: AlarmRow) => row.kind === 'gas' && (row.clearedAt === null || row.latched)

export function toAlarmDtos(db: Db, rows: readonly AlarmRow[]): AlarmDto[] {
  if (rows.length === 0) return []
  const permitRows = new Map(
    db
      .select({
        id: permits.id,
        number: permits.number,
        siteId: permits.siteId,
        spaceId: permits.spaceId,
        tag: spaces.tag,
      })
      .from(permits)
      .innerJoin(spaces, eq(spaces.id, permits.spaceId))
      .where(inArray(permits.id, [...new Set(rows.map((r) => r.permitId))]))
      .all()
      .map((p) => [p.id, p]),
  )
  const instrumentIds = [...new Set(rows.flatMap((r) => (r.instrumentId === null ? [] : [r.instrumentId])))]
  const serials = new Map(
    instrumentIds.length === 0
      ? []
      : db
          .select({ id: instruments.id, serial: instruments.serial })
          .from(instruments)
          .where(inArray(instruments.id, instrumentIds))
          .all()
          .map((i) => [i.id, i.serial]),
  )
  const userIds = [...new Set(rows.flatMap((r) => [r.acknowledgedById, r.resolvedById]).filter((id) => id !== null))]
  const names = new Map(
    userIds.length === 0
      ? []
      : db
          .select({ id: users.id, name: users.displayName })
          .from(users)
          .where(inArray(users.id, userIds))
          .all()
          .map((u) => [u.id, u.name]),
  )
  return rows.map((row) => {
    const permit = permitRows.get(row.permitId)
    return {
      id: row.id,
      kind: row.kind,
      priority: row.priority,
      state: alarmState(row),
      permitId: row.permitId,
      permitNumber: permit?.number ?? '',
      siteId: permit?.siteId ?? 0,
      spaceId: permit?.spaceId ?? 0,
      spaceTag: permit?.tag ?? '',
      instrumentId: row.instrumentId,
      instrumentSerial: row.instrumentId === null ? null : (serials.get(row.instrumentId) ?? null),
      gas: (row.gas as AlarmDto['gas']) ?? null,
      level: row.level as AlarmDto['level'],
      value: row.value,
      limit: row.limit,
      message: row.message,
      raisedAt: row.raisedAt,
      firstOut: row.firstOut,
      latched: row.latched,
      acknowledgedAt: row.acknowledgedAt,
      acknowledgedBy: row.acknowledgedById === null ? null : (names.get(row.acknowledgedById) ?? null),
      clearedAt: row.clearedAt,
      resolvedAt: row.resolvedAt,
      resolvedBy: row.resolvedById === null ? null : (names.get(row.resolvedById) ?? null),
      resolution: row.resolution,
      resolutionNote: row.resolutionNote,
      helpSent: row.helpSent,
    }
  })
}

const priorityRank = sql`case ${alarms.priority} when 'high' then 0 when 'medium' then 1 else 2 end`

export interface AlarmFilter {
  open?: boolean
  unacknowledged?: boolean
  permitId?: number
  spaceId?: number
  siteId?: number
  gas?: string
  from?: number
  to?: number
  beforeId?: number
  limit: number
}

export function listAlarms(db: Db, filter: AlarmFilter) {
  const rows = db
    .select({ alarm: alarms })
    .from(alarms)
    .innerJoin(permits, eq(permits.id, alarms.permitId))
    .where(
      and(
        filter.open ? isNull(alarms.resolvedAt) : undefined,
        filter.unacknowledged ? isNull(alarms.acknowledgedAt) : undefined,
        filter.permitId === undefined ? undefined : eq(alarms.permitId, filter.permitId),
        filter.spaceId === undefined ? undefined : eq(permits.spaceId, filter.spaceId),
        filter.siteId === undefined ? undefined : eq(permits.siteId, filter.siteId),
        filter.gas === undefined ? undefined : eq(alarms.gas, filter.gas),
        filter.from === undefined ? undefined : gte(alarms.raisedAt, filter.from),
        filter.to === undefined ? undefined : lte(alarms.raisedAt, filter.to),
        filter.beforeId === undefined ? undefined : lt(alarms.id, filter.beforeId),
      ),
    )
    .orderBy(desc(alarms.id))
    .limit(filter.limit + 1)
    .all()
    .map((row) => row.alarm)
  return { items: toAlarmDtos(db, rows.slice(0, filter.limit)), hasMore: rows.length > filter.limit }
}

/** Open alarms worst first: unacknowledged before acknowledged, then by priority, then newest. */
export function openAlarmsWorstFirst(db: Db, limit: number): AlarmRow[] {
  return db
    .select()
    .from(alarms)
    .where(isNull(alarms.resolvedAt))
    .orderBy(sql`${alarms.acknowledgedAt} is not null`, priorityRank, desc(alarms.id))
    .limit(limit)
    .all()
}

export const countOpen = (db: Db) =>
  db
    .select({ n: sql<number>`count(*)` })
    .from(alarms)
    .where(isNull(alarms.resolvedAt))
    .get()?.n ?? 0

export const countUnacknowledged = (db: Db) =>
  db
    .select({ n: sql<number>`count(*)` })
    .from(alarms)
    .where(and(isNull(alarms.resolvedAt), isNull(alarms.acknowledgedAt)))
    .get()?.n ?? 0

export const countRaisedSince = (db: Db, since: number) =>
  db
    .select({ n: sql<number>`count(*)` })
    .from(alarms)
    .where(gte(alarms.raisedAt, since))
    .get()?.n ?? 0

/** Alarms to acknowledge: these ids, or every unacknowledged alarm of one instrument. */
export function unacknowledged(db: Db, ids: readonly number[], instrumentId: number | undefined): AlarmRow[] {
  return db
    .select()
    .from(alarms)
    .where(
      and(
        isNull(alarms.acknowledgedAt),
        or(
          ids.length > 0 ? inArray(alarms.id, [...ids]) : undefined,
          instrumentId === undefined ? undefined : eq(alarms.instrumentId, instrumentId),
        ),
      ),
    )
    .all()
}

/** The worst priority of any unacknowledged open alarm, or null when every alarm has been seen. */
export function worstUnacknowledged(db: Db): AlarmRow['priority'] | null {
  const [row] = db
    .select({ priority: alarms.priority })
    .from(alarms)
    .where(and(isNull(alarms.resolvedAt), isNull(alarms.acknowledgedAt)))
    .orderBy(priorityRank)
    .limit(1)
    .all()
  return row?.priority ?? null
}
