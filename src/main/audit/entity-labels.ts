import type { Sqlite } from '../db/database'

/** How each kind of record is named for a person; kinds without a name are shown by number. */
const namers: Record<string, string> = {
  permit: 'select id, number as label from permits where id in (select value from json_each(?))',
  space: "select id, tag || ' ' || name as label from spaces where id in (select value from json_each(?))",
  user: "select id, display_name || ' (' || username || ')' as label from users where id in (select value from json_each(?))",
  site: "select id, code || ' ' || name as label from sites where id in (select value from json_each(?))",
  device: 'select id, name as label from devices where id in (select value from json_each(?))',
  instrument: 'select id, serial as label from instruments where id in (select value from json_each(?))',
  backup: 'select id, file as label from backups where id in (select value from json_each(?))',
  datalog_import: 'select id, file_name as label from datalog_imports where id in (select value from json_each(?))',
  access_resource: `select r.id, coalesce(r.key, 'space:' || s.tag) as label from access_resources r
    left join spaces s on s.id = r.space_id where r.id in (select value from json_each(?))`,
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
    const prefix = numbered[entityType]
    if (prefix)
      labels.set(keyOf(entityType, entityId), `${prefix} ${entityType === 'reading_batch' ? entityId : `#${entityId}`}`)
    else idsByType.set(entityType, (idsByType.get(entityType) ?? new Set()).add(entityId))
  }
  for (const [entityType, ids] of idsByType) {
    const namer = namers[entityType]
    if (!namer) continue
    const rows = sqlite.prepare(namer).all(JSON.stringify([...ids].map(Number))) as { id: number; label: string }[]
    for (const row of rows) labels.set(keyOf(entityType, String(row.id)), row.label)
  }
  return labels
}

export const labelOf = (labels: Map<string, string>, entityType: string, entityId: string | null) =>
  entityId === null ? null : (labels.get(keyOf(entityType, entityId)) ?? null)
