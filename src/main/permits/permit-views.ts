import { and, eq, inArray } from 'drizzle-orm'
import type { GasReadingDto } from '../../shared/contract/atmosphere'
import type { AttendantDto, PermitCardDto, PermitDetailDto } from '../../shared/contract/permits'
import { atmosphereStatus, evaluateReading } from '../../shared/domain/atmosphere'
import type { AtmosphereStatus } from '../../shared/domain/atmosphere'
import { allowedActions, isTerminal, permitStateLabels } from '../../shared/domain/permit-lifecycle'
import type { GasReadingRow } from '../atmosphere/reading-repository'
import { decisiveTestOf, testsOfPermit } from '../atmosphere/reading-repository'
import type { Db } from '../db/database'
import { sites, spaces, users } from '../db/schema'
import { entryPairsOf } from '../entries/entry-pairs'
import { insideByPermit } from '../entries/presence'
import { openEvacuationsByPermit } from '../evacuations/evacuation-repository'
import { unresolvedAlarmsByPermit } from '../alarms/alarm-repository'
import type { AlarmRow } from '../alarms/alarm-repository'
import { liveValuesOf } from '../readings/live-values'
import { permitAlarms } from './permit-alarms'
import type { AttendantRow, PermitRow } from './permit-repository'
import { attendantsOf, conditionsOf, entrantsOf, keepsWatch, timelineOf } from './permit-repository'

const minutes = 60_000

export function toAttendantDto(assignment: AttendantRow, fullName: string): AttendantDto {
  return {
    id: assignment.id,
    userId: assignment.userId,
    fullName,
    role: 'Attendant',
    shiftName: assignment.shiftName,
    shiftStart: assignment.shiftStart,
    shiftEnd: assignment.shiftEnd,
    status: assignment.status,
  }
}

/** Board cards for these permits, everything judged as of `now`. Bounded by the caller's list. */
export function buildCards(db: Db, rows: readonly PermitRow[], now: number): PermitCardDto[] {
  if (rows.length === 0) return []
  const ids = rows.map((row) => row.id)
  const spaceRows = new Map(
    db
      .select({ id: spaces.id, tag: spaces.tag, name: spaces.name, location: spaces.location })
      .from(spaces)
      .where(inArray(spaces.id, [...new Set(rows.map((r) => r.spaceId))]))
      .all()
      .map((s) => [s.id, s]),
  )
  const siteRows = new Map(
    db
      .select()
      .from(sites)
      .where(inArray(sites.id, [...new Set(rows.map((r) => r.siteId))]))
      .all()
      .map((s) => [s.id, s]),
  )
  const supervisorNames = new Map(
    db
      .select({ id: users.id, name: users.displayName })
      .from(users)
      .where(inArray(users.id, [...new Set(rows.map((r) => r.entrySupervisorId))]))
      .all()
      .map((u) => [u.id, u.name]),
  )
  const inside = insideByPermit(db, ids)
  const evacuations = openEvacuationsByPermit(db, ids)
  const attendants = attendantsOf(db, ids)
  const live = liveValuesOf(db, rows, now)
  const alarmsByPermit = unresolvedAlarmsByPermit(db, ids)

  return rows.map((permit) => {
    const site = siteRows.get(permit.siteId)
    const space = spaceRows.get(permit.spaceId)
    const maxTestAgeMs = (site?.maxTestAgeMinutes ?? 30) * minutes
    const people = inside.get(permit.id) ?? []
    const final = isTerminal(permit.state)
    const onDuty = final ? [] : attendants.filter((a) => a.assignment.permitId === permit.id && keepsWatch(a, now))
    const atmosphere = withMonitorAlarms(
      atmosphereOf(db, permit, now, maxTestAgeMs),
      alarmsByPermit.get(permit.id) ?? [],
      final,
    )
    const evacuation = evacuations.get(permit.id) ?? null
    return {
      id: permit.id,
      number: permit.number,
      siteId: permit.siteId,
      siteName: site?.name ?? '',
      spaceId: permit.spaceId,
      spaceTag: space?.tag ?? '',
      spaceName: space?.name ?? '',
      location: space?.location ?? '',
      state: permit.state,
      purpose: permit.purpose,
      validFrom: permit.validFrom,
      validTo: permit.validTo,
      entrySupervisor: supervisorNames.get(permit.entrySupervisorId) ?? '',
      inside: people.map((p) => ({ key: p.key, name: p.name, userId: userIdOfKey(p.key), since: p.since })),
      attendantOnDuty: onDuty.map((a) => a.fullName).join(', ') || null,
      atmosphere: {
        level: atmosphere.status,
        takenAt: atmosphere.ageMs === null ? null : now - atmosphere.ageMs,
        reasons: atmosphere.reasons,
      },
      alarms: permitAlarms({
        state: permit.state,
        insideCount: people.length,
        attendantsOnDuty: onDuty.length,
        atmosphere,
        evacuation,
        maxTestAgeMs,
      }),
      gasAlarms: cardAlarms(alarmsByPermit.get(permit.id) ?? []),
      liveValues: final ? [] : (live.get(permit.id) ?? []),
      evacuation,
      version: permit.version,
    }
  })
}

/**
 * A monitor in gas alarm makes the atmosphere red whatever the last test said: the card must
 * never show "Atmosphere OK" beside a breach the monitors are reporting now.
 */
function withMonitorAlarms(status: AtmosphereStatus, alarms: readonly AlarmRow[], final: boolean): AtmosphereStatus {
  const breaching = final
    ? []
    : alarms.filter((alarm) => alarm.kind === 'gas' && alarm.sourceKey !== 'tests' && alarm.clearedAt === null)
  if (breaching.length === 0) return status
  return {
    ...status,
    status: 'red',
    reasons: [...breaching.map((alarm) => `Monitor in alarm: ${alarm.message}.`), ...status.reasons],
  }
}

/**
 * The atmosphere as entry is judged: by the decisive test since the last resumption. A closed
 * or cancelled permit judges nothing any more, and says so rather than showing an old verdict.
 */
function atmosphereOf(db: Db, permit: PermitRow, now: number, maxTestAgeMs: number): AtmosphereStatus {
  if (isTerminal(permit.state)) {
    const state = permitStateLabels[permit.state].toLowerCase()
    return {
      status: 'none',
      ageMs: null,
      reasons: [`The permit is ${state}: its atmosphere is no longer judged.`],
      gases: [],
    }
  }
  const status = atmosphereStatus(decisiveTestOf(db, permit), conditionsOf(permit), now, maxTestAgeMs)
  if (status.status === 'none' && permit.resumedAt !== null) {
    return {
      ...status,
      reasons: ['No complete test since the permit was resumed: test again before anyone re-enters.'],
    }
  }
  return status
}

const priorityRank = { high: 0, medium: 1, low: 2 } as const

/** Open alarms as a card shows them: unacknowledged first, then by priority, newest first. */
function cardAlarms(rows: readonly AlarmRow[]) {
  return [...rows]
    .sort(
      (a, b) =>
        Number(a.acknowledgedAt !== null) - Number(b.acknowledgedAt !== null) ||
        priorityRank[a.priority] - priorityRank[b.priority] ||
        b.id - a.id,
    )
    .map((row) => ({
      id: row.id,
      priority: row.priority,
      acknowledged: row.acknowledgedAt !== null,
      cleared: row.clearedAt !== null,
      latched: row.latched,
      message: row.message,
      raisedAt: row.raisedAt,
    }))
}

const userIdOfKey = (key: string): number | null => (key.startsWith('user:') ? Number(key.slice(5)) : null)

export function toReadingDto(row: GasReadingRow, permit: PermitRow): GasReadingDto {
  const values =
    row.o2 !== null && row.lel !== null && row.h2s !== null && row.co !== null
      ? { o2: row.o2, lel: row.lel, h2s: row.h2s, co: row.co }
      : null
  const evaluations = values ? evaluateReading(values, conditionsOf(permit)) : []
  return {
    id: row.id,
    takenAt: row.takenAt,
    o2: row.o2,
    lel: row.lel,
    h2s: row.h2s,
    co: row.co,
    instrument: row.instrument,
    instrumentId: row.instrumentId,
    flagged: row.flagged,
    takenBy: row.takenByName,
    kind: row.kind,
    source: row.source,
    evaluations,
    pass: evaluations.length === 4 && evaluations.every((e) => e.pass),
  }
}

/** The permit's entrants, each marked when their account has been deactivated since. */
function entrantsWithAccounts(db: Db, permitId: number) {
  const entrants = entrantsOf(db, permitId)
  const userIds = entrants.flatMap((e) => (e.userId === null ? [] : [e.userId]))
  const inactive = new Set(
    userIds.length === 0
      ? []
      : db
          .select({ id: users.id })
          .from(users)
          .where(and(inArray(users.id, userIds), eq(users.active, false)))
          .all()
          .map((u) => u.id),
  )
  return entrants.map((e) => ({
    key: e.personKey,
    name: e.name,
    userId: e.userId,
    deactivated: e.userId !== null && inactive.has(e.userId),
  }))
}

export function buildDetail(db: Db, permit: PermitRow, now: number): PermitDetailDto {
  const [card] = buildCards(db, [permit], now)
  if (!card) throw new Error('a card for an existing permit')
  const site = db.select().from(sites).where(eq(sites.id, permit.siteId)).get()
  const authorizer =
    permit.authorizedById === null
      ? undefined
      : db.select().from(users).where(eq(users.id, permit.authorizedById)).get()
  return {
    card,
    fields: {
      purpose: permit.purpose,
      hazards: permit.hazards,
      isolationMeasures: permit.isolationMeasures,
      limitProfile: permit.limitProfile,
      conditions: conditionsOf(permit),
      rescueService: permit.rescueService,
      rescueContact: permit.rescueContact,
      communicationMethod: permit.communicationMethod,
      equipment: permit.equipment,
      otherSafetyInfo: permit.otherSafetyInfo,
      relatedPermits: permit.relatedPermits,
      closeOutNotes: permit.closeOutNotes,
    },
    entrySupervisorId: permit.entrySupervisorId,
    entrants: entrantsWithAccounts(db, permit.id),
    attendants: attendantsOf(db, [permit.id]).map((a) => toAttendantDto(a.assignment, a.fullName)),
    authorization:
      authorizer && permit.authorizedAt !== null
        ? {
            byName: authorizer.displayName,
            byUsername: authorizer.username,
            at: permit.authorizedAt,
            statement: permit.signatureStatement ?? '',
          }
        : null,
    tests: testsOfPermit(db, permit.id).map((row) => toReadingDto(row, permit)),
    entries: entryPairsOf(db, permit.id),
    timeline: timelineOf(db, permit.id).map((t) => ({
      at: t.at,
      actorName: t.actorName,
      kind: t.kind,
      fromState: (t.fromState as PermitRow['state'] | null) ?? null,
      toState: (t.toState as PermitRow['state'] | null) ?? null,
      note: t.note,
    })),
    allowedActions: allowedActions(permit.state),
    maxTestAgeMinutes: site?.maxTestAgeMinutes ?? 30,
  }
}
