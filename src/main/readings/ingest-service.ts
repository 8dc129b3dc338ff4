import { createHash } from 'node:crypto'
import type { FieldIssue } from '../../shared/contract/errors'
import type { EventMessage } from '../../shared/contract/events'
import type { ReadingInput } from '../../shared/contract/readings'
import { templateGasNames } from '../../shared/contract/readings'
import { gases, type Gas } from '../../shared/domain/gases'
import { instrumentReadiness } from '../../shared/domain/instrument-readiness'
import { toStepsEach } from '../../shared/domain/reading-values'
import type { Actor } from '../audit/audit-repository'
import type { AlarmEngine, OpenAlarms, PermitAlarmOutcome } from '../alarms/alarm-engine'
import { instrumentSource, noAlarmOutcome, testsSource } from '../alarms/alarm-engine'
import type { AlarmSource } from '../alarms/alarm-engine'
import { DomainError } from '../core/domain-error'
import type { Commit } from '../core/unit-of-work'
import type { Db, Sqlite } from '../db/database'
import { gasReadings } from '../db/schema'
import type { InstrumentRow } from '../instruments/instrument-repository'
import { addTimeline } from '../permits/permit-repository'
import { checkReadings, createReadingLookups, readingShape } from './reading-checks'
import { createReadingStore } from './reading-store'
import type { PermitRow } from '../permits/permit-repository'

export type IngestSource = 'manual' | 'field_api' | 'simulator' | 'import'

/** Who sends a batch: a person, or a field device bound to one site. */
export interface IngestCaller {
  actor: Actor
  source: IngestSource
  /** A device may post only for permits of its own site. */
  siteId: number | null
  /** Who took a test: a person's account, or (a device, a named tester) a name only. */
  testerName: string
  testerUserId?: number | null
  /** Scopes idempotency keys, so two senders cannot collide. */
  key: string
}

export interface IngestAnswer {
  accepted: number
  duplicate: boolean
  /** Continuous readings already stored for the same permit, instrument and time: kept as they were. */
  alreadyStored: number
  from: number
  to: number
  alarmsRaised: number
  flagged: string[]
}

const sourceFlag: Record<IngestSource, number> = { field_api: 0, import: 1, simulator: 2, manual: 3 }

/** monitor_readings.flags: bit 0 simulated, bits 1-2 the source. */
export const readingFlags = (source: IngestSource, simulated: boolean): number =>
  (simulated ? 1 : 0) | (sourceFlag[source] << 1)

const valuesOf = (row: ReadingInput): Partial<Record<Gas, number>> => {
  const values: Partial<Record<Gas, number>> = {}
  for (const gas of gases) {
    const value = row[templateGasNames[gas]]
    if (value !== undefined) values[gas] = value
  }
  return values
}

/**
 * The one ingest path for readings from every source: checked against the permits and the
 * register, stored (continuous readings compactly, tests with who took them), judged by the alarm
 * engine, all in one transaction with one audit entry for the batch; events after commit.
 */
export function createIngestService(deps: { sqlite: Sqlite; commit: Commit; alarms: AlarmEngine }) {
  const { sqlite, commit, alarms: engine } = deps
  const store = createReadingStore(sqlite)
  const findBatch = sqlite.prepare('select answer from ingest_batches where key = ?')
  const storeBatch = sqlite.prepare('insert into ingest_batches (key, answer, at) values (?, ?, ?)')
  const lookups = createReadingLookups(sqlite)
  const batchAlarms = engine.batchWork(sqlite)

  function previousAnswer(key: string): IngestAnswer | null {
    const row = findBatch.get(key) as { answer: string } | undefined
    return row ? { ...(JSON.parse(row.answer) as IngestAnswer), duplicate: true } : null
  }

  /** Each row against the reading's shape (reading-checks.ts), its issues named `readings.<row>.<field>`. */
  function parseRows(raw: readonly unknown[]): { rows: (ReadingInput | null)[]; issues: FieldIssue[] } {
    const issues: FieldIssue[] = []
    const rows: (ReadingInput | null)[] = []
    for (let index = 0; index < raw.length; index++) {
      const shape = readingShape(raw[index])
      rows.push(shape.row)
      if (shape.issues)
        for (const issue of shape.issues)
          issues.push({
            ...issue,
            field: `readings.${String(index)}${issue.field === 'input' ? '' : `.${issue.field}`}`,
          })
    }
    return { rows, issues }
  }

  /** Every reason a row cannot be stored, with its field (reading-checks.ts): the batch is all or nothing. */
  function check(
    rows: readonly (ReadingInput | null)[],
    permitRows: Map<number, PermitRow>,
    register: Map<string, InstrumentRow>,
    caller: IngestCaller,
    now: number,
  ): FieldIssue[] {
    const issues: FieldIssue[] = []
    checkReadings(
      rows,
      { permits: permitRows, register },
      { siteId: caller.siteId, now, lifeOf: null },
      (index, field, rule, message) => issues.push({ field: `readings.${String(index)}.${field}`, rule, message }),
    )
    return issues
  }

  function storeTest(
    tx: Db,
    row: ReadingInput,
    permit: PermitRow,
    instrument: InstrumentRow,
    caller: IngestCaller,
    now: number,
    flagged: string[],
  ) {
    const values = valuesOf(row)
    tx.insert(gasReadings)
      .values({
        takenAt: row.loggedAt,
        o2: values.o2 ?? null,
        lel: values.lel ?? null,
        h2s: values.h2s ?? null,
        co: values.co ?? null,
        instrument: instrument.serial,
        instrumentId: instrument.id,
        flagged,
        takenByUserId: caller.testerUserId ?? null,
        takenByName: caller.testerName,
        permitId: permit.id,
        spaceId: permit.spaceId,
        kind: row.kind,
        source: caller.source,
        recordedAt: now,
      })
      .run()
    addTimeline(tx, {
      permitId: permit.id,
      actor: caller.actor,
      at: now,
      kind: `test_${row.kind}`,
      note: `O2 ${String(values.o2)} % vol, LEL ${String(values.lel)} %, H2S ${String(values.h2s)} ppm, CO ${String(values.co)} ppm by ${caller.testerName} with ${instrument.serial}`,
    })
  }

  return {
    ingest(raw: readonly unknown[], caller: IngestCaller, idempotencyKey?: string): IngestAnswer {
      const batchKey = idempotencyKey === undefined ? null : `${caller.key}:${idempotencyKey}`
      const earlier = batchKey === null ? null : previousAnswer(batchKey)
      if (earlier) return earlier
      const parsed = parseRows(raw)
      const { answer } = commit(caller.actor, (tx, now) => {
        const rows: ReadingInput[] = []
        const permitIdSet = new Set<number>()
        const serials = new Set<string>()
        for (const row of parsed.rows) {
          if (row === null) continue
          rows.push(row)
          permitIdSet.add(row.permitId)
          serials.add(row.monitoredBy)
        }
        const permitIds = [...permitIdSet]
        const permitRows = lookups.permits(permitIds)
        const register = lookups.register(serials)
        const problems = check(parsed.rows, permitRows, register, caller, now)
        if (parsed.issues.length > 0 || problems.length > 0) {
          const issues = [...parsed.issues, ...problems].sort((a, b) => rowOf(a.field) - rowOf(b.field))
          const shown = issues.slice(0, 5).map((i) => `${i.field} ${i.message}`)
          throw new DomainError(
            'VALIDATION',
            `Nothing was stored: ${String(issues.length)} problem${issues.length === 1 ? '' : 's'} in the batch: ${shown.join('; ')}${issues.length > 5 ? '; …' : ''}.`,
            issues,
          )
        }
        // Judged in the order they were taken, so an alarm clears only after what raised it (a
        // stable sort, skipped when a gateway already sent them in that order).
        const ordered = inTimeOrder(rows) ? rows : [...rows].sort((a, b) => a.loggedAt - b.loggedAt)
        const open: OpenAlarms = batchAlarms.openAlarms(permitIds)
        // Per permit, in the order they first appear: what the batch did to it.
        const tallies = new Map<number, PermitTally>()
        const written = store.batch()
        const flagged = new Set<string>()
        const simulated = caller.source === 'simulator'
        // Per instrument, once a batch: whether it is fit, and its alarm source.
        const fitness = new Map<number, { flags: string[]; source: AlarmSource }>()
        const flagsOf = (instrument: InstrumentRow) => {
          let known = fitness.get(instrument.id)
          if (!known) {
            const flags = instrumentReadiness(instrument, now).problems.map(
              (problem) => `${instrument.serial}: ${problem}`,
            )
            flags.forEach((flag) => flagged.add(flag))
            known = { flags, source: instrumentSource(instrument) }
            fitness.set(instrument.id, known)
          }
          return known
        }
        /** A monitor posting for a permit: everything its rows need, found once a batch. */
        const feedOf = (permit: PermitRow, instrument: InstrumentRow): Feed => {
          let tally = tallies.get(permit.id)
          if (!tally) {
            tally = { permit, outcome: noAlarmOutcome(), count: 0, continuous: false }
            tallies.set(permit.id, tally)
          }
          return { tally, instrument, ...flagsOf(instrument) }
        }
        // A serial's rows nearly always name one permit: its feed is remembered by serial.
        const feeds = new Map<string, Feed>()
        const flagBits = readingFlags(caller.source, simulated)
        // One array for every reading's values, in `gases` order: the engine reads it during the call only.
        const values: (number | undefined)[] = [undefined, undefined, undefined, undefined]
        // And one for their storage steps.
        const steps: (number | null)[] = [null, null, null, null]
        let from = Infinity
        let to = -Infinity
        for (const row of ordered) {
          let feed = feeds.get(row.monitoredBy)
          if (feed?.tally.permit.id !== row.permitId) {
            const permit = permitRows.get(row.permitId)
            const instrument = register.get(row.monitoredBy)
            if (!permit || !instrument) continue
            feed = feedOf(permit, instrument)
            feeds.set(row.monitoredBy, feed)
          }
          const { tally, instrument } = feed
          const { permit } = tally
          values[0] = row.oxygenPercent
          values[1] = row.lelPercent
          values[2] = row.h2sPpm
          values[3] = row.coPpm
          if (row.kind === 'continuous') {
            tally.continuous = true
            toStepsEach(values, steps)
            written.add(permit.id, instrument.id, row.loggedAt, now - row.loggedAt, steps, flagBits)
          } else {
            storeTest(tx, row, permit, instrument, caller, now, feed.flags)
          }
          tally.count += 1
          batchAlarms.observe(
            open,
            permit,
            row.kind === 'continuous' ? feed.source : testsSource,
            values,
            // A reading never counts as newer than the moment it was recorded.
            Math.min(row.loggedAt, now),
            tally.outcome,
          )
          if (row.loggedAt < from) from = row.loggedAt
          if (row.loggedAt > to) to = row.loggedAt
        }
        const { alreadyStored } = written.finish(simulated)
        const events: EventMessage[] = []
        const raised: number[] = []
        const actions: { permit: string; evacuationId: number; suspended: boolean }[] = []
        for (const [permitId, { permit, outcome, count, continuous }] of tallies) {
          // A feed that speaks again is no longer stale.
          if (continuous) outcome.changed.push(...batchAlarms.clearStale(open, permitId, now))
          const acted = batchAlarms.act(tx, permit, outcome, now)
          events.push(...acted.events)
          if (acted.action) actions.push(acted.action)
          raised.push(...outcome.raised)
          for (const alarmId of outcome.raised)
            events.push({
              name: 'alarms.raised',
              payload: {
                alarmId,
                permitId,
                priority: outcome.priorities.get(alarmId) ?? 'high',
                at: now,
              },
            })
          for (const alarmId of new Set(outcome.changed))
            events.push({ name: 'alarms.changed', payload: { alarmId, permitId, at: now } })
          events.push({
            name: 'readings.recorded',
            payload: { permitId, count, at: now },
          })
          if (outcome.raised.length > 0 || outcome.changed.length > 0)
            events.push({ name: 'permits.changed', payload: { permitId, state: permit.state, at: now } })
        }
        const answer: IngestAnswer = {
          accepted: rows.length,
          duplicate: false,
          from,
          to,
          alreadyStored,
          alarmsRaised: raised.length,
          flagged: [...flagged],
        }
        if (batchKey !== null) storeBatch.run(batchKey, JSON.stringify(answer), now)
        return {
          value: { answer },
          audit: {
            action: 'readings.ingested',
            entityType: 'reading_batch',
            entityId: idempotencyKey ?? null,
            after: {
              count: rows.length,
              from: answer.from,
              to: answer.to,
              source: caller.source,
              sender: caller.actor.name,
              permits: [...permitRows.values()].map((p) => p.number),
              // The batch's fingerprint: a later reviewer can prove the stored rows are the ones received.
              rowsSha256: fingerprint(rows),
              alarmsRaised: raised,
              // What Gatehouse did on its own: evacuations ordered, permits suspended.
              automaticActions: actions,
            },
          },
          events,
        }
      })
      return answer
    },
  }
}

/** Whether readings are already in the order they were taken. */
function inTimeOrder(rows: readonly ReadingInput[]): boolean {
  for (let index = 1; index < rows.length; index++)
    if ((rows[index]?.loggedAt ?? 0) < (rows[index - 1]?.loggedAt ?? 0)) return false
  return true
}

/** What a batch did to one permit. */
interface PermitTally {
  permit: PermitRow
  outcome: PermitAlarmOutcome
  /** Readings stored for it. */
  count: number
  /** Whether any was continuous (a feed speaking again clears a stale-feed alarm). */
  continuous: boolean
}

/** One monitor posting for one permit in a batch. */
interface Feed {
  tally: PermitTally
  instrument: InstrumentRow
  flags: string[]
  source: AlarmSource
}

/**
 * SHA-256 over the batch's rows as received (after validation), one line each in a fixed order:
 * `permitId|loggedAt|monitoredBy|kind|oxygenPercent|lelPercent|h2sPpm|coPpm`, an empty field for a
 * gas not measured, lines joined by "\n". Written out by hand rather than as canonical JSON
 * because it is computed for every batch on the ingest path.
 */
export function fingerprint(rows: readonly ReadingInput[]): string {
  // A batch repeats a few hundred gas values a thousand times: each is written out once (a Map
  // keys -0 as 0, and String() writes both as "0").
  const written = new Map<number, string>()
  const text = (value: number | undefined): string => {
    if (value === undefined) return ''
    let known = written.get(value)
    if (known === undefined) {
      known = String(value)
      written.set(value, known)
    }
    return known
  }
  let lines = ''
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]
    if (!row) continue
    if (index > 0) lines += '\n'
    lines += `${String(row.permitId)}|${String(row.loggedAt)}|${row.monitoredBy}|${row.kind}|${text(row.oxygenPercent)}|${text(row.lelPercent)}|${text(row.h2sPpm)}|${text(row.coPpm)}`
  }
  return createHash('sha256').update(lines).digest('hex')
}

/** The row an issue names (`readings.3.h2sPpm` is row 3), so issues read in row order. */
const rowOf = (field: string) => Number(field.split('.')[1] ?? 0)

export type IngestService = ReturnType<typeof createIngestService>
