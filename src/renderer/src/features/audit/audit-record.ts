import type { AuditFilter } from '../../../../shared/contract/audit'
import type { Connection } from '../../connection/connection'
import { toProblem } from '../../errors/problem'
import { entityTypeLabel } from './audit-filter'
import type { AuditSlice } from './audit-slice'

/** The record filtered on, as the auditor named it: the field keeps showing the name, not an id. */
export interface RecordNamed {
  entityType: string | undefined
  entityId: string
  name: string
  /** Said under the field when the name fits no record and is taken as an id. */
  note: string | null
}

export interface RecordSlice {
  recordNamed: RecordNamed | null
  /**
   * The filter with its Record field resolved: a permit's number, a space's tag, a username (or an
   * id) becomes the record's kind and id. A problem instead when it cannot be applied as typed: the
   * name fits records of several kinds and no kind was chosen.
   */
  resolveRecord(filter: AuditFilter): Promise<{ filter: AuditFilter } | { problem: string }>
}

const kindOf = (entityType: string) => entityTypeLabel(entityType).toLowerCase()

export function recordSlice({ api }: Connection): AuditSlice<RecordSlice> {
  return (set) => ({
    recordNamed: null,
    async resolveRecord(filter) {
      const name = filter.entityId
      if (!name) return { filter }
      let records
      try {
        ;({ records } = await api.audit.findRecord({
          name,
          ...(filter.entityType ? { entityType: filter.entityType } : {}),
        }))
      } catch (error) {
        return { problem: toProblem(error).message }
      }
      const [record] = records
      if (records.length > 1)
        return {
          problem: `“${name}” names more than one record (${records.map((r) => `${kindOf(r.entityType)} ${r.label}`).join(', ')}): choose the kind of record.`,
        }
      // A name no record has is taken as a record's id: a record since removed (a pruned backup) keeps its entries.
      const resolved = record ? { ...filter, entityType: record.entityType, entityId: record.entityId } : filter
      const note = record
        ? null
        : `No ${filter.entityType ? kindOf(filter.entityType) : 'record'} is named “${name}”: read as an id.`
      set({ recordNamed: { entityType: resolved.entityType, entityId: resolved.entityId ?? name, name, note } })
      return { filter: resolved }
    },
  })
}

/** The name the auditor gave the record `filter` is on, if that is the record they named. */
export const namedRecordOf = (named: RecordNamed | null, filter: AuditFilter): RecordNamed | null =>
  named && filter.entityId === named.entityId && filter.entityType === named.entityType ? named : null
