import { createHash } from 'node:crypto'
import { and, eq, inArray, isNull } from 'drizzle-orm'
import type { FieldIssue } from '../../shared/contract/errors'
import type { EventMessage } from '../../shared/contract/events'
import type { ReadingInput } from '../../shared/contract/readings'
import { readingInputSchema, templateGasNames } from '../../shared/contract/readings'
import { clockSkewToleranceMs } from '../../shared/domain/decisive-test'
import { gases, type Gas } from '../../shared/domain/gases'
import { instrumentReadiness } from '../../shared/domain/instrument-readiness'
import { isTerminal } from '../../shared/domain/permit-lifecycle'
import { toSteps } from '../../shared/domain/reading-values'
import { canonicalJson } from '../audit/audit-chain'
import type { Actor } from '../audit/audit-repository'
import type { AlarmEngine, PermitAlarmOutcome } from '../alarms/alarm-engine'
import { instrumentSource, noAlarmOutcome, testsSource } from '../alarms/alarm-engine'
import { DomainError } from '../core/domain-error'
import { toFieldIssues } from '../core/validation-issues'
import type { Commit } from '../core/unit-of-work'
import type { Db, Sqlite } from '../db/database'
import { alarms, gasReadings, ingestBatches, permits } from '../db/schema'
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
const gasIndex: Record<Gas, number> = { o2: 0, lel: 1, h2s: 2, co: 3 }

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
      const parsed = readingInputSchema.safeParse(row)
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
        const latest = new Map<
          string,
          { permitId: number; instrumentId: number; gas: Gas; steps: number; at: number }
        >()
        const flagged = new Set<string>()
        const simulated = caller.source === 'simulator'
        const continuousPermits = new Set<number>()
        for (const row of ordered) {
          const permit = permitRows.get(row.permitId)
          const instrument = register.get(row.monitoredBy)
          if (!permit || !instrument) continue
          const readiness = instrumentReadiness(instrument, now)
          const flags = readiness.problems.map((problem) => `${instrument.serial}: ${problem}`)
          flags.forEach((flag) => flagged.add(flag))
          const values = valuesOf(row)
          if (row.kind === 'continuous') {
            continuousPermits.add(permit.id)
            const steps = gases.map((gas) => {
              const value = values[gas]
              return value === undefined ? null : toSteps(gas, value)
            })
            insertReading.run(
              instrument.id,
              permit.id,
              row.loggedAt,
              now - row.loggedAt,
              ...steps,
              (simulated ? 1 : 0) | (sourceFlag[caller.source] << 1),
            )
            steps.forEach((value, index) => {
              const gas = gases[index]
              if (value === null || gas === undefined) return
              const key = `${permit.id}|${instrument.id}|${gas}`
              const seen = latest.get(key)
              if (!seen || seen.at <= row.loggedAt)
                latest.set(key, {
                  permitId: permit.id,
                  instrumentId: instrument.id,
                  gas,
                  steps: value,
                  at: row.loggedAt,
                })
            })
          } else {
            storeTest(tx, row, permit, instrument, caller, now, flags)
          }
          const outcome = outcomes.get(permit.id) ?? noAlarmOutcome()
          outcomes.set(permit.id, outcome)
          engine.observe(
            tx,
            open,
            permit,
            row.kind === 'continuous' ? instrumentSource(instrument) : testsSource,
            values,
            // A reading never counts as newer than the moment it was recorded.
            Math.min(row.loggedAt, now),
            outcome,
          )
        }
        for (const live of latest.values())
          upsertLive.run(live.permitId, live.instrumentId, gasIndex[live.gas], live.steps, live.at, simulated ? 1 : 0)
        const events: EventMessage[] = []
        const raised: number[] = []
        const actions: { permit: string; evacuationId: number; suspended: boolean }[] = []
        for (const [permitId, outcome] of outcomes) {
          const permit = permitRows.get(permitId)
          if (!permit) continue
          // A feed that speaks again is no longer stale.
          if (continuousPermits.has(permitId)) outcome.changed.push(...clearStale(tx, permitId, now))
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
                priority: outcome.breaches.some((b) => b.level === 'high') ? 'high' : 'medium',
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
              rowsSha256: createHash('sha256').update(canonicalJson(rows)).digest('hex'),
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

/** The row an issue names (`readings.3.h2sPpm` is row 3), so issues read in row order. */
const rowOf = (field: string) => Number(field.split('.')[1] ?? 0)

/** Clears the open stale-data alarm of a permit; returns its id when there was one. */
function clearStale(tx: Db, permitId: number, now: number): number[] {
  return tx
    .update(alarms)
    .set({ clearedAt: now })
    .where(
      and(eq(alarms.permitId, permitId), eq(alarms.kind, 'stale'), isNull(alarms.clearedAt), isNull(alarms.resolvedAt)),
    )
    .returning({ id: alarms.id })
    .all()
    .map((row) => row.id)
}

export type IngestService = ReturnType<typeof createIngestService>
