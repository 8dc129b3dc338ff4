import path from 'node:path'
import type { ExportFileDto } from '../../shared/contract/exports'
import type { GasExportInput, GasExportSubject } from '../../shared/contract/gas-export'
import { chainHead, keepCheckpoint, signCheckpoint } from '../audit/checkpoint-service'
import type { SigningKey } from '../audit/signing-key'
import type { Clock } from '../core/clock'
import type { EventBus } from '../core/event-bus'
import type { Commit } from '../core/unit-of-work'
import type { Db, Sqlite } from '../db/database'
import { exportFileDto } from '../exports/export-file'
import { exportFolderOf, exportName } from '../exports/export-folder'
import { writeStreamed } from '../exports/export-writer'
import { actorOf, type Principal } from '../identity/principal'
import { createAlarmRows } from './alarm-rows'
import { columnsOf, gasUnits, isoOf, type ExportRow } from './export-columns'
import { createExportEstimate } from './export-estimate'
import { csvChunks, jsonChunks } from './export-formats'
import { createScopeReader, type ExportScope } from './export-windows'
import { createExposureRows } from './exposure-rows'
import { createReadingRows } from './reading-rows'

export interface GasExportDeps {
  db: Db
  sqlite: Sqlite
  commit: Commit
  clock: Clock
  bus: EventBus
  signingKey: SigningKey
  dataDir: string
}

/** The record an export's audit entry is about: the permit, space or site, or the person. */
function auditedEntity(subject: GasExportSubject): { entityType: string; entityId: string | number | null } {
  switch (subject.kind) {
    case 'permit':
      return { entityType: 'permit', entityId: subject.permitId }
    case 'space':
      return { entityType: 'space', entityId: subject.spaceId }
    case 'person':
      return { entityType: 'person', entityId: subject.personKey }
    case 'range':
      return { entityType: 'site', entityId: subject.siteId ?? null }
  }
}

/** What the file says it holds and what a reader should know about it. */
function notesOf(input: GasExportInput, scope: ExportScope): string[] {
  const notes: string[] = []
  if (input.subject.kind === 'person')
    notes.push('Only the readings and alarms of the permits the person was in, while they were inside (the entry log).')
  if (input.dataset === 'readings' && input.resolution !== 'raw')
    notes.push(
      'Each row summarizes the readings taken in [from, to): a whole minute or hour (whole_period true), or the part of one inside the range or a time inside (false).',
    )
  const removed = [...new Set(scope.windows.filter((w) => w.permit.rawRemovedAt !== null).map((w) => w.permit.number))]
  if (input.dataset === 'readings' && removed.length > 0)
    notes.push(
      `The raw readings of ${removed.join(', ')} were removed by retention: only their whole minutes and hours remain.`,
    )
  return notes
}

/**
 * Writes gas data of a subject to a file in the person's exports folder, page by page along the
 * primary keys (never a whole range in memory), yielding between pages. The range ends at the
 * moment asked unless an earlier end is given; the file states its subject, range, resolution,
 * units and the signed checkpoint it ends at. Progress reaches the person as events (the total
 * estimated from the hourly rollups, exact once done); the export is audited.
 */
export function createGasExportService(deps: GasExportDeps) {
  const scopeOf = createScopeReader(deps.db, deps.sqlite)
  const readingRows = createReadingRows(deps.sqlite)
  const alarmRows = createAlarmRows(deps.sqlite)
  const exposureRows = createExposureRows(deps.db, deps.sqlite)
  const estimate = createExportEstimate(deps.sqlite)

  return async function exportGas(principal: Principal, input: GasExportInput): Promise<ExportFileDto> {
    const started = deps.clock.now()
    const from = input.from ?? 0
    const to = input.to ?? started
    const scope = scopeOf(input.subject, from, to)
    const checkpoint = signCheckpoint(deps.signingKey, chainHead(deps.db), started)
    const resolution = input.dataset === 'readings' ? input.resolution : null
    const name = exportName(`gas-${input.dataset}`, started, input.format)
    const file = path.join(exportFolderOf(deps.dataDir, principal.userId), name)

    const pagesOf = (): Iterable<ExportRow[]> => {
      if (input.dataset === 'exposure') return exposureRows(input.subject, scope, { from, to, now: started })
      const perWindow =
        input.dataset === 'alarms' ? alarmRows : (w: ExportScope['windows'][number]) => readingRows(w, input.resolution)
      return (function* () {
        for (const window of scope.windows) yield* perWindow(window)
      })()
    }
    let total = input.dataset === 'exposure' ? 0 : estimate(scope.windows, input.dataset, input.resolution)
    let written = 0
    const tell = () =>
      deps.bus.publish({
        name: 'exports.progress',
        payload: {
          exportId: name,
          userId: principal.userId,
          written,
          total: Math.max(total, written),
          at: deps.clock.now(),
        },
      })
    async function* counted() {
      for (const page of pagesOf()) {
        written += page.length
        tell()
        yield page
      }
    }
    tell()
    const heading = {
      format: 'gatehouse-gas-export/1',
      subject: { ...input.subject, label: scope.label },
      dataset: input.dataset,
      resolution,
      range: { from, fromIso: isoOf(from), to, toIso: isoOf(to) },
      units: gasUnits,
      ...(scope.stays
        ? {
            stays: scope.stays.map((stay) => ({ ...stay, entryIso: isoOf(stay.entryAt), exitIso: isoOf(stay.exitAt) })),
          }
        : {}),
      notes: notesOf(input, scope),
      checkpoint,
    }
    const columns = columnsOf(input.dataset, input.resolution)
    const chunks =
      input.format === 'csv' ? csvChunks(heading, columns, counted()) : jsonChunks(heading, columns, counted())
    const writtenFile = await writeStreamed(file, chunks)
    total = written
    tell()
    return deps.commit(actorOf(principal), (tx) => {
      keepCheckpoint(tx, checkpoint, 'export', name)
      const dto = exportFileDto(name, writtenFile, written, checkpoint, started)
      return {
        value: dto,
        audit: {
          action: 'gas.exported',
          ...auditedEntity(input.subject),
          after: {
            name,
            subject: scope.label,
            dataset: input.dataset,
            resolution,
            format: input.format,
            from,
            to,
            rows: written,
            sha256: writtenFile.sha256,
            checkpoint: dto.checkpoint,
          },
        },
      }
    })
  }
}

export type GasExportService = ReturnType<typeof createGasExportService>
