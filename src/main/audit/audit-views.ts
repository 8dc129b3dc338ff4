import type { AuditEntryDto } from '../../shared/contract/audit'
import { describeAuditEntry } from '../../shared/domain/audit-words'
import type { Sqlite } from '../db/database'
import type { AuditEntryRow } from './audit-repository'
import { entityLabels, labelOf } from './entity-labels'

const parsed = (summary: string | null): Record<string, unknown> | null => {
  if (summary === null) return null
  const value: unknown = JSON.parse(summary)
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null
}

/** Entries as a person reads them: the entity by name, a sentence, and the templates' four fields. */
export function auditEntryDtos(sqlite: Sqlite, rows: readonly AuditEntryRow[]): AuditEntryDto[] {
  const labels = entityLabels(sqlite, rows)
  return rows.map((row) => {
    const entityLabel = labelOf(labels, row.entityType, row.entityId)
    const named =
      entityLabel ?? (row.entityId === null ? null : `${row.entityType.replace(/_/g, ' ')} #${row.entityId}`)
    return {
      ...row,
      entityLabel,
      // A failed sign-in names no account: the name tried is the entity.
      summary: describeAuditEntry(row.action, {
        entity: named ?? row.actorName,
        before: parsed(row.before),
        after: parsed(row.after),
      }),
      user: row.actorName,
      resource: named === null ? row.entityType : `${row.entityType} ${entityLabel ?? `#${row.entityId ?? ''}`}`,
      timestamp: new Date(row.at).toISOString(),
    }
  })
}
