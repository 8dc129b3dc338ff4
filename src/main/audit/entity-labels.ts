import type { Sqlite } from '../db/database'

/**
 * How each kind of record is named for a person: where it lies, the label an entry shows, and the
 * names a person may type to find it (the label itself, or its short form: a space's tag alone, an
 * account's username). Kinds without a name are shown and found by number.
 */
const named: Record<string, { from: string; id: string; label: string; typed: string[] }> = {
  permit: { from: 'permits', id: 'id', label: 'number', typed: [] },
  space: { from: 'spaces', id: 'id', label: "tag || ' ' || name", typed: ['tag'] },
  user: { from: 'users', id: 'id', label: "display_name || ' (' || username || ')'", typed: ['username'] },
  site: { from: 'sites', id: 'id', label: "code || ' ' || name", typed: ['code'] },
  device: { from: 'devices', id: 'id', label: 'name', typed: [] },
  instrument: { from: 'instruments', id: 'id', label: 'serial', typed: [] },
  backup: { from: 'backups', id: 'id', label: 'file', typed: [] },
  datalog_import: { from: 'datalog_imports', id: 'id', label: 'file_name', typed: [] },
  access_resource: {
    from: 'access_resources r left join spaces s on s.id = r.space_id',
    id: 'r.id',
    label: "coalesce(r.key, 'space:' || s.tag)",
    typed: [],
  },
}

const numbered: Record<string, string> = {
  access_request: 'request',
  access_grant: 'grant',
  access_review: 'review',
  handover: 'handover',
  alarm: 'alarm',
  evacuation: 'evacuation',
  reading_batch: 'batch',
}

type NamedKind = (typeof named)[string]

/** Each record of `kind` the condition holds for, as its id and the label its entries show. */
const labelsWhere = (kind: NamedKind, condition: string) =>
  `select ${kind.id} as id, ${kind.label} as label from ${kind.from} where ${condition}`

/** A kind's entry in one of the tables above; never an Object.prototype member named by the input. */
const own = <T>(table: Record<string, T>, entityType: string): T | undefined =>
  Object.hasOwn(table, entityType) ? table[entityType] : undefined

const numberedLabel = (entityType: string, prefix: string, entityId: string) =>
  `${prefix} ${entityType === 'reading_batch' ? entityId : `#${entityId}`}`

const keyOf = (entityType: string, entityId: string) => `${entityType}:${entityId}`

/**
 * The human names of the entities a page of entries concerns, one query per kind: a permit by its
 * number, a space by its tag, a person by name; records without a name as "request #12".
 */
export function entityLabels(
  sqlite: Sqlite,
  entries: readonly { entityType: string; entityId: string | null }[],
): Map<string, string> {
  const labels = new Map<string, string>()
  const idsByType = new Map<string, Set<string>>()
  for (const { entityType, entityId } of entries) {
    if (entityId === null) continue
    const prefix = own(numbered, entityType)
    if (prefix) labels.set(keyOf(entityType, entityId), numberedLabel(entityType, prefix, entityId))
    else idsByType.set(entityType, (idsByType.get(entityType) ?? new Set()).add(entityId))
  }
  for (const [entityType, ids] of idsByType) {
    const kind = own(named, entityType)
    if (!kind) continue
    const rows = sqlite
      .prepare(labelsWhere(kind, `${kind.id} in (select value from json_each(?))`))
      .all(JSON.stringify([...ids].map(Number))) as { id: number; label: string }[]
    for (const row of rows) labels.set(keyOf(entityType, String(row.id)), row.label)
  }
  return labels
}

export const labelOf = (labels: Map<string, string>, entityType: string, entityId: string | null) =>
  entityId === null ? null : (labels.get(keyOf(entityType, entityId)) ?? null)

export interface RecordFound {
  entityType: string
  entityId: string
  label: string
}

/**
 * The records a person means by what they typed in the audit filter: a record of `entityType` (of
 * any named kind when absent) whose label or short name it is, in any case; failing that, the record
 * of `entityType` with that id ("#12" and "request #12" mean 12). Empty when none.
 */
export function findRecords(sqlite: Sqlite, entityType: string | undefined, typed: string): RecordFound[] {
  const kinds = entityType === undefined ? Object.keys(named) : [entityType]
  const byName = kinds.flatMap((type) => {
    const kind = own(named, type)
    if (!kind) return []
    const names = [kind.label, ...kind.typed].map((column) => `${column} = @typed collate nocase`).join(' or ')
    const rows = sqlite
      .prepare(
        `select ${kind.id} as id, ${kind.label} as label from ${kind.from} where ${names} order by ${kind.id} limit 5`,
      )
      .all({ typed }) as { id: number; label: string }[]
    return rows.map((row) => ({ entityType: type, entityId: String(row.id), label: row.label }))
  })
  if (byName.length > 0 || entityType === undefined) return byName
  return byId(sqlite, entityType, typed)
}

/** The record of `entityType` whose id was typed, with or without its "#" or the kind's word. */
function byId(sqlite: Sqlite, entityType: string, typed: string): RecordFound[] {
  const prefix = own(numbered, entityType)
  const id = typed.replace(new RegExp(`^(?:${prefix ?? ''}\\s*)?#?\\s*`, 'i'), '')
  // A batch of readings is known by its own id; every other record by a number.
  if (prefix && (entityType === 'reading_batch' ? id !== '' : /^\d+$/.test(id)))
    return [{ entityType, entityId: id, label: numberedLabel(entityType, prefix, id) }]
  const kind = own(named, entityType)
  if (!kind || !/^\d+$/.test(id)) return []
  const found = sqlite.prepare(labelsWhere(kind, `${kind.id} = ?`)).get(Number(id)) as { label: string } | undefined
  return found ? [{ entityType, entityId: id, label: found.label }] : []
}
