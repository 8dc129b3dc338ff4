import type { GrantDto, RequestDto, ResourceDto } from '../../../../shared/contract/access'
import type { Severity } from '../../ui/SeverityChip'

type RequestStatus = RequestDto['status']

export const requestStatusLabels: Record<RequestStatus, string> = {
  pending: 'Pending',
  approved: 'Approved',
  denied: 'Denied',
  withdrawn: 'Withdrawn',
  expired: 'Expired',
}

export const requestStatusSeverity: Record<RequestStatus, Severity> = {
  pending: 'medium',
  approved: 'ok',
  denied: 'high',
  withdrawn: 'low',
  expired: 'low',
}

export const resourceKindLabels: Record<ResourceDto['kind'], string> = {
  system: 'System',
  application: 'Application',
  group: 'Group',
  space: 'Confined space',
}

export const riskTierLabels: Record<ResourceDto['riskTier'], string> = {
  standard: 'Standard',
  high: 'High risk',
}

const endReasonLabels: Record<NonNullable<GrantDto['endReason']>, string> = {
  expired: 'Expired',
  revoked: 'Revoked',
  permit_closed: 'Ended with its permit',
  resource_retired: 'Resource retired',
}

export interface GrantState {
  label: string
  severity: Severity
}

/**
 * Where a grant stands: ended and why, or as the server counted it when it was read (running or
 * not), told apart by `now` only when the server says it does not count.
 */
export function grantState(grant: GrantDto, now: number): GrantState {
  if (grant.endReason !== null)
    return { label: endReasonLabels[grant.endReason], severity: grant.endReason === 'revoked' ? 'high' : 'low' }
  if (grant.active) return { label: 'Active', severity: 'ok' }
  if (grant.validFrom > now) return { label: 'Not started', severity: 'medium' }
  return { label: 'Expired', severity: 'low' }
}

/** "8 h", "3 d 4 h": a duration asked for or granted, in whole hours. */
export function formatHours(hours: number): string {
  if (hours < 48) return `${String(hours)} h`
  const days = Math.floor(hours / 24)
  const rest = hours % 24
  return rest === 0 ? `${String(days)} d` : `${String(days)} d ${String(rest)} h`
}

/** A list's count as the server gives it: counting stops at a cap, beyond which it says "1,000+". */
export const formatCount = (total: number, capped: boolean): string =>
  `${total.toLocaleString('en-US')}${capped ? '+' : ''}`

/** "app:ledger (read)": a resource at a level, as people and the server name it. */
export const resourceAtLevel = (key: string, level: string): string => `${key} (${level})`

/** How long a request has waited: "12 min", "5 h 3 min", "3 d 4 h". */
export function formatWaiting(ageMs: number): string {
  const minutes = Math.floor(ageMs / 60_000)
  if (minutes < 1) return 'under 1 min'
  if (minutes < 60) return `${String(minutes)} min`
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return minutes % 60 === 0 ? `${String(hours)} h` : `${String(hours)} h ${String(minutes % 60)} min`
  return formatHours(hours)
}
