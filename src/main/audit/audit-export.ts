import path from 'node:path'
import Papa from 'papaparse'
import type { AuditEntryDto, AuditFilter } from '../../shared/contract/audit'
import type { ExportFileDto } from '../../shared/contract/exports'
import type { Clock } from '../core/clock'
import type { EventBus } from '../core/event-bus'
import type { Commit } from '../core/unit-of-work'
import type { Db, Sqlite } from '../db/database'
import { exportFileDto } from '../exports/export-file'
import { exportFolderOf, exportName } from '../exports/export-folder'
import { writeStreamed } from '../exports/export-writer'
import { actorOf } from '../identity/principal'
import type { Principal } from '../identity/principal'
import { countAudit, listAudit } from './audit-queries'
import { auditEntryDtos } from './audit-views'
import { chainHead, keepCheckpoint, signCheckpoint } from './checkpoint-service'
import type { SignedCheckpoint } from './checkpoint'
import type { SigningKey } from './signing-key'

const chunkRows = 2000

/** The columns of the CSV: the templates' four first, then the entry as the chain holds it. */
const csvColumns = [
  'seq',
  'timestamp',
  'user',
  'action',
  'resource',
  'summary',
  'actorId',
  'entityType',
  'entityId',
  'before',
  'after',
  'prevHash',
  'hash',
] as const satisfies readonly (keyof AuditEntryDto)[]

export interface AuditExportDeps {
  sqlite: Sqlite
  db: Db
  commit: Commit
  clock: Clock
  bus: EventBus
  signingKey: SigningKey
  dataDir: string
}

/** Pages of the filtered trail, newest first, from entry `upTo` down, with the progress told as it goes. */
async function* pages(deps: AuditExportDeps, filter: AuditFilter, upTo: number, progress: (written: number) => void) {
  let before = upTo + 1
  let written = 0
  for (;;) {
    const rows = listAudit(deps.sqlite, filter, chunkRows, before)
    if (rows.length === 0) return
    yield auditEntryDtos(deps.sqlite, rows)
    written += rows.length
    progress(written)
    before = rows.at(-1)?.seq ?? 0
    if (rows.length < chunkRows) return
  }
}

function header(filter: AuditFilter, upTo: number, checkpoint: SignedCheckpoint) {
  return { format: 'gatehouse-audit-export/1', filter, range: { toSeq: upTo, order: 'newest first' }, checkpoint }
}

async function* csv(entries: AsyncIterable<AuditEntryDto[]>, head: ReturnType<typeof header>) {
  // What the file is, as a comment line a CSV reader skips (pandas: comment='#'; papaparse: comments: '#').
  yield `# ${JSON.stringify(head)}\n${csvColumns.join(',')}\n`
  for await (const page of entries)
    yield `${Papa.unparse(
      page.map((entry) => csvColumns.map((column) => entry[column])),
      { header: false, newline: '\n' },
    )}\n`
}

async function* json(entries: AsyncIterable<AuditEntryDto[]>, head: ReturnType<typeof header>) {
  yield `${JSON.stringify(head).slice(0, -1)},"entries":[`
  let first = true
  for await (const page of entries) {
    yield `${first ? '' : ','}\n${page.map((entry) => JSON.stringify(entry)).join(',\n')}`
    first = false
  }
  yield '\n]}\n'
}

/**
 * Writes the audit trail (filtered or whole) to a file in the person's exports folder, newest
 * first, up to the head as it stood when asked; the file states its filter, its range and the
 * signed checkpoint it ends at. Progress reaches the person as events; the export is audited.
 */
export async function exportAudit(
  deps: AuditExportDeps,
  principal: Principal,
  input: { format: 'csv' | 'json'; filter: AuditFilter },
): Promise<ExportFileDto> {
  const started = deps.clock.now()
  const head = chainHead(deps.db)
  const checkpoint = signCheckpoint(deps.signingKey, head, started)
  const name = exportName('audit', started, input.format)
  const file = path.join(exportFolderOf(deps.dataDir, principal.userId), name)
  const total = countAudit(deps.sqlite, input.filter, head.seq + 1)
  const exportId = name
  const tell = (written: number) =>
    deps.bus.publish({
      name: 'exports.progress',
      payload: { exportId, userId: principal.userId, written, total, at: deps.clock.now() },
    })
  tell(0)
  const entries = pages(deps, input.filter, head.seq, tell)
  const meta = header(input.filter, head.seq, checkpoint)
  const written = await writeStreamed(file, input.format === 'csv' ? csv(entries, meta) : json(entries, meta))
  return deps.commit(actorOf(principal), (tx) => {
    keepCheckpoint(tx, checkpoint, 'export', name)
    const dto = exportFileDto(name, written, total, checkpoint, started)
    return {
      value: dto,
      audit: {
        action: 'audit.exported',
        entityType: 'audit',
        entityId: null,
        after: {
          name,
          format: input.format,
          filter: input.filter,
          rows: total,
          sha256: written.sha256,
          checkpoint: dto.checkpoint,
        },
      },
    }
  })
}
