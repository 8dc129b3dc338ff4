import { asc, sql } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/better-sqlite3'
import type { FieldIssue } from '../../shared/contract/errors'
import type { ReadingInput } from '../../shared/contract/readings'
import { readingRowAsIs, readingRowSchema, templateGasNames, withTemplateNames } from '../../shared/contract/readings'
import { clockSkewToleranceMs } from '../../shared/domain/decisive-test'
import { gases } from '../../shared/domain/gases'
import { instrumentReadiness, type Readiness } from '../../shared/domain/instrument-readiness'
import { isTerminal } from '../../shared/domain/permit-lifecycle'
import { toFieldIssues } from '../core/validation-issues'
import type { Sqlite } from '../db/database'
import { instruments, permits } from '../db/schema'
import type { InstrumentRow } from '../instruments/instrument-repository'
import type { PermitRow } from '../permits/permit-repository'

/**
 * The rules every reading meets, whichever path brings it (live ingest, a datalog import): its
 * shape, the register and the permit. Each path names the fields in its own words (a batch's
 * `readings.3.h2sPpm`, a file's row 12 column H2S), so problems are reported field by field to a
 * sink rather than as finished issues.
 */

/** A field of a reading, in the first template's names; `input` is the row as a whole. */
export type ReadingField = keyof ReadingInput | 'input'

export type ReadingIssueSink = (index: number, field: ReadingField, rule: string, message: string) => void

/**
 * A row against the reading's shape. A row the contract would take as it is skips zod
 * (readingRowAsIs, for ingest's batches of a thousand); any other goes through readingRowSchema,
 * the one author of the messages. Null, with its issues (fields as zod paths), when it fails.
 */
export function readingShape(raw: unknown): { row: ReadingInput; issues: null } | { row: null; issues: FieldIssue[] } {
  const asIs = readingRowAsIs(raw)
  if (asIs !== null) return { row: asIs, issues: null }
  const parsed = readingRowSchema.safeParse(withTemplateNames(raw))
  return parsed.success ? { row: parsed.data, issues: null } : { row: null, issues: toFieldIssues(parsed.error) }
}

/** When a reading may have been taken for a permit: from when it was drafted to when it closed, with a tolerance. */
export interface PermitLife {
  from: number
  /** Infinity while it is not closed or cancelled. */
  to: number
  /** In words, for a refusal: "was drafted at …", "closed at … (15 min allowed after)". */
  fromWords: string
  toWords: string
}

export interface ReadingRules {
  /** A device may post only for permits of its own site; null: any site. */
  siteId: number | null
  now: number
  /**
   * null: live readings, which go on an open permit. Otherwise history (an imported datalog): any
   * permit, closed or not, with each reading within its life.
   */
  lifeOf: ((permit: PermitRow) => PermitLife) | null
}

/**
 * The permits and register entries a batch names, each read with one statement prepared once
 * (drizzle maps the rows as everywhere else); the ids and serials go in as one JSON array.
 */
export function createReadingLookups(sqlite: Sqlite) {
  const db = drizzle({ client: sqlite })
  const permitsIn = db
    .select()
    .from(permits)
    .where(sql`${permits.id} in (select value from json_each(${sql.placeholder('ids')}))`)
    .orderBy(asc(permits.id))
    .prepare()
  const instrumentsIn = db
    .select()
    .from(instruments)
    .where(sql`${instruments.serial} in (select value from json_each(${sql.placeholder('serials')}))`)
    .prepare()
  return {
    permits: (ids: Iterable<number>): Map<number, PermitRow> =>
      new Map(permitsIn.all({ ids: JSON.stringify([...ids]) }).map((permit) => [permit.id, permit])),
    register: (serials: Iterable<string>): Map<string, InstrumentRow> =>
      new Map(instrumentsIn.all({ serials: JSON.stringify([...serials]) }).map((row) => [row.serial, row])),
  }
}

/**
 * Every reason each row cannot be stored, reported field by field: the permit (exists; open, or
 * for history the reading within its life; the device's site), the time (not in the future beyond
 * the clock-skew tolerance), the instrument (registered, in service, at the permit's site, fitted
 * with a sensor for each gas it reports, ready for a pre-entry test). A null row (its shape
 * failed) is skipped.
 */
export function checkReadings(
  rows: readonly (ReadingInput | null)[],
  known: { permits: ReadonlyMap<number, PermitRow>; register: ReadonlyMap<string, InstrumentRow> },
  rules: ReadingRules,
  report: ReadingIssueSink,
): void {
  const { now, siteId, lifeOf } = rules
  // Once per instrument and batch: whether it measures every gas, and (for pre-entry tests only) whether it is ready.
  const fullyFitted = new Map<InstrumentRow, boolean>()
  const readiness = new Map<InstrumentRow, Readiness>()
  // Once per permit and batch: whether it is closed or cancelled, or its life.
  const terminal = new Map<PermitRow, boolean>()
  const lives = new Map<PermitRow, PermitLife>()
  const latestAllowed = now + clockSkewToleranceMs
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index]
    if (!row) continue
    const permit = known.permits.get(row.permitId)
    if (!permit) report(index, 'permitId', 'exists', 'must be an existing permit')
    else if (lifeOf) {
      let life = lives.get(permit)
      if (!life) {
        life = lifeOf(permit)
        lives.set(permit, life)
      }
      if (row.loggedAt < life.from)
        report(index, 'loggedAt', 'within_permit', `is before permit ${permit.number} ${life.fromWords}`)
      else if (row.loggedAt > life.to)
        report(index, 'loggedAt', 'within_permit', `is after permit ${permit.number} ${life.toWords}`)
      if (siteId !== null && permit.siteId !== siteId)
        report(index, 'permitId', 'site_scope', 'belongs to a site this device may not post for')
    } else {
      let closed = terminal.get(permit)
      if (closed === undefined) {
        closed = isTerminal(permit.state)
        terminal.set(permit, closed)
      }
      if (closed) report(index, 'permitId', 'open', `is ${permit.state}; readings go on an open permit`)
      else if (siteId !== null && permit.siteId !== siteId)
        report(index, 'permitId', 'site_scope', 'belongs to a site this device may not post for')
    }
    if (row.loggedAt > latestAllowed)
      report(index, 'loggedAt', 'not_future', 'must not be in the future; check the instrument clock')
    const instrument = known.register.get(row.monitoredBy)
    if (!instrument) {
      report(index, 'monitoredBy', 'registered', 'must be the serial of a registered instrument')
      continue
    }
    if (instrument.status !== 'in_service') report(index, 'monitoredBy', 'in_service', 'is out of service')
    if (permit && instrument.siteId !== permit.siteId)
      report(index, 'monitoredBy', 'same_site', 'is registered at another site than the permit')
    let fitted = fullyFitted.get(instrument)
    if (fitted === undefined) {
      fitted = gases.every((gas) => instrument.sensors.includes(gas))
      fullyFitted.set(instrument, fitted)
    }
    if (!fitted) {
      const measured = [row.oxygenPercent, row.lelPercent, row.h2sPpm, row.coPpm]
      gases.forEach((gas, position) => {
        if (measured[position] !== undefined && !instrument.sensors.includes(gas))
          report(index, templateGasNames[gas], 'sensor_fitted', `is not measured by ${instrument.serial}`)
      })
    }
    // domain.md: a pre-entry test with an overdue instrument is refused; later readings are flagged.
    if (row.kind !== 'pre_entry') continue
    let ready = readiness.get(instrument)
    if (!ready) {
      ready = instrumentReadiness(instrument, now)
      readiness.set(instrument, ready)
    }
    if (ready.problems.length > 0)
      report(index, 'monitoredBy', 'instrument_ready', `cannot take a pre-entry test: ${ready.problems.join(' and ')}`)
  }
}
