import { createHash } from 'node:crypto'
import { inArray } from 'drizzle-orm'
import type { FieldIssue } from '../../shared/contract/errors'
import type { EventMessage } from '../../shared/contract/events'
import type { ReadingInput } from '../../shared/contract/readings'
import { readingRowSchema, templateGasNames, withTemplateNames } from '../../shared/contract/readings'
import { clockSkewToleranceMs } from '../../shared/domain/decisive-test'
import { gases, type Gas } from '../../shared/domain/gases'
import { instrumentReadiness } from '../../shared/domain/instrument-readiness'
import { isTerminal } from '../../shared/domain/permit-lifecycle'
import { toSteps } from '../../shared/domain/reading-values'
import type { Actor } from '../audit/audit-repository'
import type { AlarmEngine, PermitAlarmOutcome } from '../alarms/alarm-engine'
import { instrumentSource, noAlarmOutcome, testsSource } from '../alarms/alarm-engine'
import type { AlarmSource } from '../alarms/alarm-engine'
import { DomainError } from '../core/domain-error'
import { toFieldIssues } from '../core/validation-issues'
import type { Commit } from '../core/unit-of-work'
import type { Db, Sqlite } from '../db/database'
import { gasReadings, ingestBatches, permits } from '../db/schema'
import { instrumentsBySerial } from '../instruments/instrument-repository'
import type { InstrumentRow } from '../instruments/instrument-repository'
import { addTimeline } from '../permits/permit-repository'
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
  from: number
  to: number
  alarmsRaised: number
  flagged: string[]
}

const sourceFlag: Record<IngestSource, number> = { field_api: 0, import: 1, simulator: 2, manual: 3 }

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
  const insertReading = sqlite.prepare(
    'insert into monitor_readings (instrument_id, permit_id, taken_at, recorded_lag_ms, o2, lel, h2s, co, flags) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const upsertLive = sqlite.prepare(
    `insert into live_values (permit_id, instrument_id, gas, value, taken_at, simulated) values (?, ?, ?, ?, ?, ?)
     on conflict (permit_id, instrument_id, gas) do update set value = excluded.value, taken_at = excluded.taken_at, simulated = excluded.simulated
     where excluded.taken_at >= live_values.taken_at`,
  )
  const findBatch = sqlite.prepare('select answer from ingest_batches where key = ?')

  function previousAnswer(key: string): IngestAnswer | null {
    const row = findBatch.get(key) as { answer: string } | undefined
    return row ? { ...(JSON.parse(row.answer) as IngestAnswer), duplicate: true } : null
  }

  /** Each row against the reading's shape, its issues named `readings.<row>.<field>`. */
  function parseRows(raw: readonly unknown[]): { rows: (ReadingInput | null)[]; issues: FieldIssue[] } {
    const issues: FieldIssue[] = []
    const rows = raw.map((row, index) => {
      const parsed = readingRowSchema.safeParse(withTemplateNames(row))
      if (parsed.success) return parsed.data
      for (const issue of toFieldIssues(parsed.error))
        issues.push({ ...issue, field: `readings.${String(index)}${issue.field === 'input' ? '' : `.${issue.field}`}` })
      return null
    })
    return { rows, issues }
  }

  /** Every reason a row cannot be stored, with its field: the batch is all or nothing. */
  function check(
    rows: readonly (ReadingInput | null)[],
    permitRows: Map<number, PermitRow>,
    register: Map<string, InstrumentRow>,
    caller: IngestCaller,
    now: number,
  ): FieldIssue[] {
    const issues: FieldIssue[] = []
    rows.forEach((row, index) => {
      if (row === null) return
      const at = (field: string) => `readings.${String(index)}.${field}`
      const permit = permitRows.get(row.permitId)
      if (!permit) issues.push({ field: at('permitId'), rule: 'exists', message: 'must be an existing permit' })
      else if (isTerminal(permit.state))
        issues.push({
          field: at('permitId'),
          rule: 'open',
          message: `is ${permit.state}; readings go on an open permit`,
        })
      else if (caller.siteId !== null && permit.siteId !== caller.siteId)
        issues.push({
          field: at('permitId'),
          rule: 'site_scope',
          message: 'belongs to a site this device may not post for',
        })
      if (row.loggedAt > now + clockSkewToleranceMs)
        issues.push({
          field: at('loggedAt'),
          rule: 'not_future',
          message: 'must not be in the future; check the instrument clock',
        })
      const instrument = register.get(row.monitoredBy)
      if (!instrument) {
        issues.push({
          field: at('monitoredBy'),
          rule: 'registered',
          message: 'must be the serial of a registered instrument',
        })
        return
      }
      if (instrument.status !== 'in_service')
        issues.push({ field: at('monitoredBy'), rule: 'in_service', message: 'is out of service' })
      if (permit && instrument.siteId !== permit.siteId)
        issues.push({
          field: at('monitoredBy'),
          rule: 'same_site',
          message: 'is registered at another site than the permit',
        })
      for (const gas of gases)
        if (row[templateGasNames[gas]] !== undefined && !instrument.sensors.includes(gas))
          issues.push({
            field: at(templateGasNames[gas]),
            rule: 'sensor_fitted',
            message: `is not measured by ${instrument.serial}`,
          })
      // domain.md: a pre-entry test with an overdue instrument is refused; later readings are flagged.
      const readiness = instrumentReadiness(instrument, now)
      if (row.kind === 'pre_entry' && readiness.problems.length > 0)
        issues.push({
          field: at('monitoredBy'),
          rule: 'instrument_ready',
          message: `cannot take a pre-entry test: ${readiness.problems.join(' and ')}`,
        })
    })
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
        const known = parsed.rows.filter((row): row is ReadingInput => row !== null)
        const permitIds = [...new Set(known.map((row) => row.permitId))]
        const permitRows = new Map(
          tx
            .select()
            .from(permits)
            .where(inArray(permits.id, permitIds))
            .all()
            .map((p) => [p.id, p]),
        )
        const register = instrumentsBySerial(
          tx,
          known.map((row) => row.monitoredBy),
        )
        const issues = [...parsed.issues, ...check(parsed.rows, permitRows, register, caller, now)].sort(
          (a, b) => rowOf(a.field) - rowOf(b.field),
        )
        if (issues.length > 0) {
          const shown = issues.slice(0, 5).map((i) => `${i.field} ${i.message}`)
          throw new DomainError(
            'VALIDATION',
            `Nothing was stored: ${String(issues.length)} problem${issues.length === 1 ? '' : 's'} in the batch: ${shown.join('; ')}${issues.length > 5 ? '; …' : ''}.`,
            issues,
          )
        }
        const rows = known
        // Judged in the order they were taken, so an alarm clears only after what raised it.
        const ordered = [...rows].sort((a, b) => a.loggedAt - b.loggedAt)
        const open = engine.openAlarms(tx, permitIds)
        const outcomes = new Map<number, PermitAlarmOutcome>()
        const latest: LatestValues = new Map()
        const flagged = new Set<string>()
        const simulated = caller.source === 'simulator'
        const continuousPermits = new Set<number>()
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
        const flagBits = (simulated ? 1 : 0) | (sourceFlag[caller.source] << 1)
        for (const row of ordered) {
          const permit = permitRows.get(row.permitId)
          const instrument = register.get(row.monitoredBy)
          if (!permit || !instrument) continue
          const { flags, source } = flagsOf(instrument)
          const values = valuesOf(row)
          if (row.kind === 'continuous') {
            continuousPermits.add(permit.id)
            const o2 = values.o2 === undefined ? null : toSteps('o2', values.o2)
            const lel = values.lel === undefined ? null : toSteps('lel', values.lel)
            const h2s = values.h2s === undefined ? null : toSteps('h2s', values.h2s)
            const co = values.co === undefined ? null : toSteps('co', values.co)
            insertReading.run(instrument.id, permit.id, row.loggedAt, now - row.loggedAt, o2, lel, h2s, co, flagBits)
            keepLatest(latest, permit.id, instrument.id, [o2, lel, h2s, co], row.loggedAt)
          } else {
            storeTest(tx, row, permit, instrument, caller, now, flags)
          }
          let outcome = outcomes.get(permit.id)
          if (!outcome) {
            outcome = noAlarmOutcome()
            outcomes.set(permit.id, outcome)
          }
          engine.observe(
            tx,
            open,
            permit,
            row.kind === 'continuous' ? source : testsSource,
            values,
            // A reading never counts as newer than the moment it was recorded.
            Math.min(row.loggedAt, now),
            outcome,
          )
        }
        for (const live of latest.values())
          upsertLive.run(live.permitId, live.instrumentId, live.gas, live.steps, live.at, simulated ? 1 : 0)
        const events: EventMessage[] = []
        const raised: number[] = []
        const actions: { permit: string; evacuationId: number; suspended: boolean }[] = []
        for (const [permitId, outcome] of outcomes) {
          const permit = permitRows.get(permitId)
          if (!permit) continue
          // A feed that speaks again is no longer stale.
          if (continuousPermits.has(permitId)) outcome.changed.push(...engine.clearStale(tx, open, permitId, now))
          const acted = engine.act(tx, permit, outcome, now)
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
            payload: { permitId, count: rows.filter((r) => r.permitId === permitId).length, at: now },
          })
          if (outcome.raised.length > 0 || outcome.changed.length > 0)
            events.push({ name: 'permits.changed', payload: { permitId, state: permit.state, at: now } })
        }
        const times = rows.map((row) => row.loggedAt)
        const answer: IngestAnswer = {
          accepted: rows.length,
          duplicate: false,
          from: Math.min(...times),
          to: Math.max(...times),
          alarmsRaised: raised.length,
          flagged: [...flagged],
        }
        if (batchKey !== null) tx.insert(ingestBatches).values({ key: batchKey, answer, at: now }).run()
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

/** The newest value of each gas per permit and instrument in a batch, keyed by permit, instrument and gas index. */
type LatestValues = Map<number, { permitId: number; instrumentId: number; gas: number; steps: number; at: number }>

function keepLatest(
  latest: LatestValues,
  permitId: number,
  instrumentId: number,
  steps: readonly (number | null)[],
  at: number,
): void {
  for (let gas = 0; gas < steps.length; gas++) {
    const value = steps[gas]
    if (value === null || value === undefined) continue
    // Ids stay far below 2^40: one number keys the three.
    const key = (permitId * 2 ** 20 + instrumentId) * 4 + gas
    const seen = latest.get(key)
    if (!seen || seen.at <= at) latest.set(key, { permitId, instrumentId, gas, steps: value, at })
  }
}

/**
 * SHA-256 over the batch's rows as received (after validation), one line each in a fixed order:
 * `permitId|loggedAt|monitoredBy|kind|oxygenPercent|lelPercent|h2sPpm|coPpm`, an empty field for a
 * gas not measured, lines joined by "\n". Written out by hand rather than as canonical JSON
 * because it is computed for every batch on the ingest path.
 */
export function fingerprint(rows: readonly ReadingInput[]): string {
  const lines = rows.map((row) =>
    [row.permitId, row.loggedAt, row.monitoredBy, row.kind, row.oxygenPercent, row.lelPercent, row.h2sPpm, row.coPpm]
      .map((value) => (value === undefined ? '' : String(value)))
      .join('|'),
  )
  return createHash('sha256').update(lines.join('\n')).digest('hex')
}

/** The row an issue names (`readings.3.h2sPpm` is row 3), so issues read in row order. */
const rowOf = (field: string) => Number(field.split('.')[1] ?? 0)

export type IngestService = ReturnType<typeof createIngestService>
