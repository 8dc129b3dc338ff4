import { auditFilterSchema } from '../../../../shared/contract/audit'
import type { AuditFilter } from '../../../../shared/contract/audit'
import { formatShortTime } from '../../format/time'

const numberKeys = ['actorId', 'from', 'to'] as const
const textKeys = ['action', 'entityType', 'entityId', 'text'] as const

/**
 * The filter a hash query names (`#/audit?entityType=permit&entityId=3`). A part the server would
 * refuse is left out, so a mistyped link shows more, never an error.
 */
export function parseAuditQuery(query: string): AuditFilter {
  const params = new URLSearchParams(query)
  const filter: AuditFilter = {}
  for (const key of numberKeys) {
    const value = params.get(key)
    if (value !== null && /^\d{1,15}$/.test(value)) filter[key] = Number(value)
  }
  for (const key of textKeys) {
    const value = params.get(key)?.trim()
    if (value) filter[key] = value
  }
  const parsed = auditFilterSchema.safeParse(filter)
  if (parsed.success) return parsed.data
  const bad = new Set(parsed.error.issues.map((issue) => issue.path[0]))
  return Object.fromEntries(Object.entries(filter).filter(([key]) => !bad.has(key))) as AuditFilter
}

/** The audit page narrowed to `filter`, as a link. */
export function auditHref(filter: AuditFilter): string {
  const params = new URLSearchParams()
  for (const key of [...textKeys, ...numberKeys]) {
    const value = filter[key]
    if (value !== undefined && value !== '') params.set(key, String(value))
  }
  const query = params.toString()
  return query ? `#/audit?${query}` : '#/audit'
}

/** Every entry about one record, as the permit page links to it. */
export const auditTrailHref = (entityType: string, entityId: string | number): string =>
  auditHref({ entityType, entityId: String(entityId) })

export const isWholeTrail = (filter: AuditFilter): boolean =>
  Object.values(filter).every((value) => value === undefined)

/** The kinds of record the trail names, in words; the filter offers them by these names. */
export const entityTypeLabels: Record<string, string> = {
  permit: 'Permit',
  space: 'Space',
  site: 'Site',
  user: 'Account',
  access_request: 'Access request',
  access_grant: 'Access grant',
  access_review: 'Access review',
  access_resource: 'Access resource',
  alarm: 'Alarm',
  evacuation: 'Evacuation',
  handover: 'Shift handover',
  instrument: 'Gas monitor',
  device: 'Field device',
  reading_batch: 'Batch of readings',
  simulator: 'Simulator',
  audit: 'Audit trail',
  database: 'Database',
}

export const entityTypeLabel = (entityType: string): string => entityTypeLabels[entityType] ?? entityType

/** How a filter's person and record are named: by the directory and the entries shown, when they know them. */
export interface FilterNames {
  person(id: number): string | null
  /** The record's own name (a permit's number) when an entry shown names it. */
  record(entityType: string, entityId: string): string | null
}

/** "the whole trail", or each part of the filter in words: what an export or a page shows. */
export function describeFilter(filter: AuditFilter, names: FilterNames): string {
  const parts: string[] = []
  if (filter.actorId !== undefined)
    parts.push(`by ${names.person(filter.actorId) ?? `account #${String(filter.actorId)}`}`)
  if (filter.action) parts.push(`action ${filter.action}`)
  if (filter.entityType || filter.entityId) {
    const kind = filter.entityType ? entityTypeLabel(filter.entityType).toLowerCase() : 'any record'
    const name = filter.entityType && filter.entityId ? names.record(filter.entityType, filter.entityId) : null
    parts.push(`about ${kind}${name ? ` ${name}` : filter.entityId ? ` #${filter.entityId}` : ''}`)
  }
  if (filter.from !== undefined) parts.push(`from ${formatShortTime(filter.from)}`)
  if (filter.to !== undefined) parts.push(`to ${formatShortTime(filter.to)}`)
  if (filter.text) parts.push(`containing “${filter.text}”`)
  return parts.length === 0 ? 'the whole trail' : `entries ${parts.join(', ')}`
}

/** What `audit.appended` tells of a new entry: enough to know it cannot match a filter. */
export interface AppendedEntry {
  action: string
  entityType: string
  entityId: string | null
  at: number
}

/**
 * Whether a new entry may belong on the page filtered so: false only when it surely does not.
 * Who acted and the words are not in the event; a filter on those asks the server again.
 */
export function mayMatch(filter: AuditFilter, entry: AppendedEntry): boolean {
  if (filter.action && entry.action !== filter.action && !entry.action.startsWith(`${filter.action}.`)) return false
  if (filter.entityType && entry.entityType !== filter.entityType) return false
  if (filter.entityId && entry.entityId !== filter.entityId) return false
  if (filter.from !== undefined && entry.at < filter.from) return false
  return filter.to === undefined || entry.at <= filter.to
}
