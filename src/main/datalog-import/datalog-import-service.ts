import { and, eq } from 'drizzle-orm'
import type { DatalogIssue, DatalogReport, DatalogRow } from '../../shared/contract/datalog'
import { datalogFields } from '../../shared/contract/datalog'
import type { FieldIssue } from '../../shared/contract/errors'
import type { ParsedInput, ProcedureOutput } from '../../shared/contract/procedures'
import type { ReadingInput } from '../../shared/contract/readings'
import { toStepsEach } from '../../shared/domain/reading-values'
import type { Clock } from '../core/clock'
import { DomainError, conflict, notFound, preconditionFailed } from '../core/domain-error'
import type { EventBus } from '../core/event-bus'
import type { Commit } from '../core/unit-of-work'
import type { Db, Sqlite } from '../db/database'
import { datalogImports } from '../db/schema'
import type { Principal } from '../identity/principal'
import type { PermitRow } from '../permits/permit-repository'
import { findPermit } from '../permits/permit-repository'
import { checkReadings, createReadingLookups } from '../readings/reading-checks'
import { readingFlags } from '../readings/ingest-service'
import { createReadingStore } from '../readings/reading-store'
import { addTallies, breachCounts, tallyBreaches, type BreachTally } from './breach-tally'
import { fileFieldOf, permitNumbersOf, readDatalogRow } from './datalog-rows'
import type { DatalogImportRow } from './import-repository'
import { committedImportOf, findImport, importsIn, permitIdsByNumber, permitNumbers } from './import-repository'
import { createPermitLives } from './permit-life'

export interface DatalogImportOptions {
  /** Readings moved into monitor_readings per transaction of a commit. */
  commitChunkRows?: number
  /** Tests: runs after each chunk of a commit (a promise that never settles stands for a crash). */
  afterCommitChunk?: (importId: number) => Promise<void> | void
}

const defaultCommitChunkRows = 5000
const importFlags = readingFlags('import', false)
const fieldOrder = new Map(datalogFields.map((field, position) => [field, position]))
const byLineThenField = (a: DatalogIssue, b: DatalogIssue) =>
  a.line - b.line || (fieldOrder.get(a.field) ?? 0) - (fieldOrder.get(b.field) ?? 0)
/** Lets the event loop serve other calls and events between two chunks. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve))
const iso = (ms: number) => new Date(ms).toISOString()

/**
 * Datalog import: a file's rows arrive in chunks, are checked by the rules every reading meets
 * (reading-checks.ts) plus the permit's life, and wait in a staging table; the commit moves them
 * into monitor_readings through the reading store (rollups and live values kept) in chunks, each
 * its own transaction, yielding between them. All or nothing: any refused row, or a row missing,
 * and the commit refuses before anything is written. Roll forward: once the commit has started it
 * is finished, after a crash at the next start-up (resume). Imported readings are history: no
 * alarm, no evacuation; the breaches found are counted for the report. One audit entry per import.
 */
export function createDatalogImportService(deps: {
  db: Db
  sqlite: Sqlite
  commit: Commit
  clock: Clock
  bus: EventBus
  options?: DatalogImportOptions
}) {
  const { db, sqlite, commit, clock, bus } = deps
  const chunkRows = deps.options?.commitChunkRows ?? defaultCommitChunkRows
  const afterChunk = deps.options?.afterCommitChunk
  const lookups = createReadingLookups(sqlite)
  const lifeOf = createPermitLives(sqlite)
  const store = createReadingStore(sqlite)
  const insertStaged = sqlite.prepare(
    'insert into datalog_import_rows (import_id, line, permit_id, instrument_id, taken_at, o2, lel, h2s, co) values (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  )
  const nextStaged = sqlite
    .prepare(
      'select line, permit_id, instrument_id, taken_at, o2, lel, h2s, co from datalog_import_rows where import_id = ? order by line limit ?',
    )
    .raw()
  const dropStagedThrough = sqlite.prepare('delete from datalog_import_rows where import_id = ? and line <= ?')
  const dropStagedChunk = sqlite.prepare(
    'delete from datalog_import_rows where import_id = ? and line <= (select max(line) from (select line from datalog_import_rows where import_id = ? order by line limit ?))',
  )
  const countMoved = sqlite.prepare(
    'update datalog_imports set stored = stored + ?, already_stored = already_stored + ? where id = ?',
  )
  /** Commits under way, so a second call or the start-up resume waits for the same one. */
  const finishing = new Map<number, Promise<DatalogReport>>()
  /** Imports being dropped: gone for every caller from the first chunk deleted. */
  const dropping = new Set<number>()
  /** Set when the backend closes: chunked work stops (a commit under way resumes at the next start). */
  let closed = false
  const stopIfClosed = () => {
    if (closed) throw new Error('Gatehouse is closing; the import is finished at the next start')
  }

  /** The caller's own import: nobody else's exists for them. */
  function ownImport(importId: number, principal: Principal): DatalogImportRow {
    const row = dropping.has(importId) ? undefined : findImport(db, importId)
    if (!row || row.startedById !== principal.userId)
      throw notFound(
        `Import #${String(importId)} does not exist (an import not committed is dropped when Gatehouse restarts).`,
      )
    return row
  }

  function refuseUnlessStaging(row: DatalogImportRow): void {
    if (row.status === 'committing') throw conflict(`Import #${String(row.id)} is being committed.`)
    if (row.status === 'committed')
      throw conflict(`Import #${String(row.id)} was committed at ${iso(row.committedAt ?? 0)}.`)
  }

  /** Drops an import that will not be committed, its staged rows in chunks. */
  async function drop(importId: number): Promise<void> {
    dropping.add(importId)
    try {
      while (dropStagedChunk.run(importId, importId, chunkRows).changes > 0) {
        await yieldToEventLoop()
        stopIfClosed()
      }
      db.delete(datalogImports).where(eq(datalogImports.id, importId)).run()
    } finally {
      dropping.delete(importId)
    }
  }

  /** Moves one chunk of staged rows into the readings, in one transaction; returns how many. */
  const moveChunk = sqlite.transaction((row: DatalogImportRow, now: number) => {
    const staged = nextStaged.all(row.id, chunkRows) as number[][]
    const last = staged.at(-1)
    if (!last) return { moved: 0, byPermit: new Map<number, number>() }
    const batch = store.batch()
    const byPermit = new Map<number, number>()
    const steps: (number | null)[] = [null, null, null, null]
    for (let index = 0; index < staged.length; index++) {
      // Indexed, not destructured: a million rows through the iterator protocol cost a second.
      const row = staged[index] ?? []
      const permitId = row[1] ?? 0
      const instrumentId = row[2] ?? 0
      const takenAt = row[3] ?? 0
      steps[0] = row[4] ?? null
      steps[1] = row[5] ?? null
      steps[2] = row[6] ?? null
      steps[3] = row[7] ?? null
      batch.add(permitId, instrumentId, takenAt, now - takenAt, steps, importFlags)
      byPermit.set(permitId, (byPermit.get(permitId) ?? 0) + 1)
    }
    const { stored, alreadyStored } = batch.finish(false)
    dropStagedThrough.run(row.id, last[0])
    countMoved.run(stored, alreadyStored, row.id)
    return { moved: staged.length, byPermit }
  })

  /** The import's report, as the commit answers it and its audit entry records it. */
  function reportOf(row: DatalogImportRow, committedAt: number): DatalogReport {
    return {
      importId: row.id,
      fileName: row.fileName,
      fileSha256: row.fileSha256,
      rows: row.rowsChecked,
      stored: row.stored,
      alreadyStored: row.alreadyStored,
      permits: permitNumbers(db, row.permitIds),
      from: row.firstAt,
      to: row.lastAt,
      breaches: breachCounts(row.breaches),
      committedAt,
    }
  }

  /** Moves every staged row of an import whose commit has started, then marks it committed with its audit entry. */
  function finish(importId: number): Promise<DatalogReport> {
    const running = finishing.get(importId)
    if (running) return running
    const run = (async () => {
      let moved = 0
      for (;;) {
        const row = findImport(db, importId)
        if (!row) throw new Error(`import ${String(importId)} vanished during its commit`)
        const chunk = moveChunk.immediate(row, clock.now())
        if (chunk.moved === 0) break
        moved += chunk.moved
        const at = clock.now()
        bus.publish({
          name: 'datalog.progress',
          payload: { importId, userId: row.startedById, moved, total: row.rowsChecked, at },
        })
        for (const [permitId, count] of chunk.byPermit)
          bus.publish({ name: 'readings.recorded', payload: { permitId, count, at } })
        await afterChunk?.(importId)
        await yieldToEventLoop()
        stopIfClosed()
      }
      const started = findImport(db, importId)
      if (!started) throw new Error(`import ${String(importId)} vanished during its commit`)
      return commit({ id: started.startedById, name: started.startedByUsername }, (tx, now) => {
        tx.update(datalogImports)
          .set({ status: 'committed', committedAt: now })
          .where(eq(datalogImports.id, importId))
          .run()
        const row = findImport(tx, importId) ?? started
        const report = reportOf(row, now)
        return {
          value: report,
          audit: {
            action: 'datalog.imported',
            entityType: 'datalog_import',
            entityId: importId,
            after: {
              file: row.fileName,
              fileSha256: row.fileSha256,
              bytes: row.fileBytes,
              columns: row.columns,
              rows: report.rows,
              stored: report.stored,
              alreadyStored: report.alreadyStored,
              permits: report.permits,
              from: report.from,
              to: report.to,
              breaches: report.breaches,
              commitStartedAt: row.commitStartedAt,
            },
          },
        }
      })
    })()
    finishing.set(importId, run)
    return run.finally(() => finishing.delete(importId))
  }

  return {
    begin(input: ParsedInput<'datalog.begin'>, principal: Principal): ProcedureOutput<'datalog.begin'> {
      const before = committedImportOf(db, input.fileSha256)
      if (before)
        return {
          kind: 'imported_before',
          importId: before.id,
          fileName: before.fileName,
          importedAt: before.committedAt ?? before.startedAt,
          importedBy: before.startedByName,
          stored: before.stored,
        }
      const issues: FieldIssue[] = []
      for (const field of ['time', 'serial'] as const)
        if (input.columns[field] === undefined)
          issues.push({ field: `columns.${field}`, rule: 'required', message: 'is required: every reading needs it' })
      if (input.columns.permit !== undefined && input.permitId !== undefined)
        issues.push({
          field: 'permitId',
          rule: 'one_source',
          message: 'must be left out when the file has a permit column',
        })
      if (input.columns.permit === undefined && input.permitId === undefined)
        issues.push({
          field: 'permitId',
          rule: 'required',
          message: 'is required: the file has no permit column, so choose the permit its readings belong to',
        })
      if (input.permitId !== undefined && !findPermit(db, input.permitId))
        issues.push({ field: 'permitId', rule: 'exists', message: 'must be an existing permit' })
      if (issues.length > 0)
        throw new DomainError(
          'VALIDATION',
          `The import cannot start: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}.`,
          issues,
        )
      const opened = db
        .insert(datalogImports)
        .values({
          fileName: input.fileName,
          fileSha256: input.fileSha256,
          fileBytes: input.fileBytes,
          columns: input.columns,
          chosenPermitId: input.permitId ?? null,
          startedById: principal.userId,
          startedByName: principal.displayName,
          startedByUsername: principal.username,
          startedAt: clock.now(),
          status: 'staging',
          permitIds: [],
          breaches: {},
        })
        .returning({ id: datalogImports.id })
        .get()
      return { kind: 'opened', importId: opened.id }
    },

    stage(input: ParsedInput<'datalog.stage'>, principal: Principal): ProcedureOutput<'datalog.stage'> {
      const row = ownImport(input.importId, principal)
      refuseUnlessStaging(row)
      let previous = row.lastLine
      for (const { line } of input.rows) {
        if (line <= previous)
          throw new DomainError(
            'VALIDATION',
            `Rows come in file order, each once: row ${String(line)} came after row ${String(previous)}.`,
            [{ field: 'rows', rule: 'file_order', message: `row ${String(line)} came after row ${String(previous)}` }],
          )
        previous = line
      }
      const now = clock.now()
      const issues: DatalogIssue[] = []
      const readings: (ReadingInput | null)[] = []
      const resolver = { chosen: row.chosenPermitId, byNumber: permitIdsByNumber(db, permitNumbersOf(input.rows)) }
      for (const fileRow of input.rows) {
        const read = readDatalogRow(fileRow, resolver)
        readings.push(read.reading)
        if (read.issues) issues.push(...read.issues)
      }
      const permitIds = new Set<number>()
      const serials = new Set<string>()
      for (const reading of readings) {
        if (!reading) continue
        permitIds.add(reading.permitId)
        serials.add(reading.monitoredBy)
      }
      const known = { permits: lookups.permits(permitIds), register: lookups.register(serials) }
      checkReadings(readings, known, { siteId: null, now, lifeOf }, (index, field, rule, message) =>
        issues.push({ line: (input.rows[index] as DatalogRow).line, field: fileFieldOf[field], rule, message }),
      )
      const refusedLines = new Set(issues.map((issue) => issue.line))
      sqlite
        .transaction(() => {
          let { firstAt, lastAt } = row
          const tally: BreachTally = {}
          const ids = new Set(row.permitIds)
          // Once a row is refused nothing can be committed: later good rows are checked, not kept.
          if (row.rowsRefused === 0 && refusedLines.size === 0) {
            const values: (number | undefined)[] = [undefined, undefined, undefined, undefined]
            const steps: (number | null)[] = [null, null, null, null]
            readings.forEach((reading, index) => {
              const permit = reading && known.permits.get(reading.permitId)
              const instrument = reading && known.register.get(reading.monitoredBy)
              if (!reading || !permit || !instrument) return
              values[0] = reading.oxygenPercent
              values[1] = reading.lelPercent
              values[2] = reading.h2sPpm
              values[3] = reading.coPpm
              toStepsEach(values, steps)
              const line = (input.rows[index] as DatalogRow).line
              insertStaged.run(
                row.id,
                line,
                permit.id,
                instrument.id,
                reading.loggedAt,
                steps[0],
                steps[1],
                steps[2],
                steps[3],
              )
              tallyBreaches(tally, permit as PermitRow, reading)
              ids.add(permit.id)
              if (firstAt === null || reading.loggedAt < firstAt) firstAt = reading.loggedAt
              if (lastAt === null || reading.loggedAt > lastAt) lastAt = reading.loggedAt
            })
          }
          const breaches = { ...row.breaches }
          addTallies(breaches, tally)
          db.update(datalogImports)
            .set({
              rowsChecked: row.rowsChecked + input.rows.length,
              rowsRefused: row.rowsRefused + refusedLines.size,
              lastLine: previous,
              firstAt,
              lastAt,
              permitIds: [...ids].sort((a, b) => a - b),
              breaches,
            })
            .where(eq(datalogImports.id, row.id))
            .run()
        })
        .immediate()
      return {
        issues: issues.sort(byLineThenField),
        checked: row.rowsChecked + input.rows.length,
        refused: row.rowsRefused + refusedLines.size,
      }
    },

    async commit(input: ParsedInput<'datalog.commit'>, principal: Principal): Promise<DatalogReport> {
      const row = ownImport(input.importId, principal)
      refuseUnlessStaging(row)
      const before = committedImportOf(db, row.fileSha256)
      if (before) {
        await drop(row.id)
        throw conflict(
          `This file was imported at ${iso(before.committedAt ?? before.startedAt)} by ${before.startedByName}: nothing stored.`,
        )
      }
      if (row.rowsRefused > 0)
        throw new DomainError(
          'VALIDATION',
          `Nothing was stored: ${String(row.rowsRefused)} row${row.rowsRefused === 1 ? ' has' : 's have'} problems. Correct the file and import it again.`,
          [{ field: 'rows', rule: 'no_problems', message: `${String(row.rowsRefused)} rows have problems` }],
        )
      if (row.rowsChecked !== input.rows)
        throw preconditionFailed(
          `Nothing was stored: ${String(row.rowsChecked)} of the file’s ${String(input.rows)} rows arrived. Import the file again.`,
          [{ code: 'all_rows_checked', message: 'every row of the file must arrive and be checked' }],
        )
      const started = db
        .update(datalogImports)
        .set({ status: 'committing', commitStartedAt: clock.now() })
        .where(and(eq(datalogImports.id, row.id), eq(datalogImports.status, 'staging')))
        .run()
      if (started.changes === 0) throw conflict(`Import #${String(row.id)} is being committed.`)
      return finish(row.id)
    },

    async discard(input: ParsedInput<'datalog.discard'>, principal: Principal): Promise<{ discarded: boolean }> {
      const row = ownImport(input.importId, principal)
      refuseUnlessStaging(row)
      await drop(row.id)
      return { discarded: true }
    },

    /**
     * At start-up: finishes every commit a crash or a restart interrupted (roll forward: an
     * acknowledged import is never half there), and drops imports whose person's window is gone.
     */
    async resume(): Promise<void> {
      try {
        for (const row of importsIn(db, 'staging')) await drop(row.id)
        for (const row of importsIn(db, 'committing')) await finish(row.id)
      } catch (error) {
        // Closing while resuming is no failure: the next start resumes again.
        if (!closed) throw error
      }
    },

    close(): void {
      closed = true
    },
  }
}

export type DatalogImportService = ReturnType<typeof createDatalogImportService>
