import { roleLabels } from '../contract/roles'
import type { Role } from '../contract/roles'

/** What an entry's sentence may draw on: the entity's human name and the recorded summaries. */
export interface AuditFacts {
  /** The entity by its human name, or its kind and id when it has none ("request #12"). */
  entity: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

type Words = (facts: AuditFacts) => string

const field = (summary: Record<string, unknown> | null, key: string): string | null => {
  const value = summary?.[key]
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null
}

const withReason = (sentence: string, reason: string | null) => (reason ? `${sentence}: ${reason}` : sentence)

const roleNames = (value: unknown): Role[] => (Array.isArray(value) ? (value as Role[]) : [])

/** "Role IT approver given to Ada", "roles Auditor taken from Ada", both when both. */
function rolesChanged({ entity, before, after }: AuditFacts): string {
  const was = roleNames(before?.roles)
  const now = roleNames(after?.roles)
  const label = (roles: Role[]) =>
    `${roles.length === 1 ? 'Role' : 'Roles'} ${roles.map((role) => roleLabels[role] ?? role).join(', ')}`
  const given = now.filter((role) => !was.includes(role))
  const taken = was.filter((role) => !now.includes(role))
  const parts = [
    given.length > 0 ? `${label(given)} given to ${entity}` : '',
    taken.length > 0 ? `${label(taken)} taken from ${entity}`.replace(/^R/, given.length > 0 ? 'r' : 'R') : '',
  ].filter(Boolean)
  return parts.length > 0 ? parts.join('; ') : `Roles of ${entity} confirmed`
}

/** "Scheduled backup taken: gatehouse-….db; its check found: …; 1 older removed". */
function backupTaken({ after }: AuditFacts): string {
  const file = field(after, 'file')
  const integrity = field(after, 'integrity')
  const removed = Array.isArray(after?.removed) ? after.removed.length : 0
  return [
    `${field(after, 'trigger') === 'scheduled' ? 'Scheduled backup' : 'Backup'} taken${file ? `: ${file}` : ''}`,
    integrity && integrity !== 'ok' ? `its check found: ${integrity}` : '',
    removed > 0 ? `${String(removed)} older removed` : '',
  ]
    .filter(Boolean)
    .join('; ')
}

const checkNames: Record<string, string> = {
  startup: 'Start-up check of the database',
  scheduled: 'Scheduled full integrity check of the database',
  manual: 'Full integrity check of the database',
}

/** "Full integrity check of the database passed" or "… found: <problem>". */
function integrityChecked({ after }: AuditFacts): string {
  const name = checkNames[field(after, 'trigger') ?? ''] ?? 'Integrity check of the database'
  const result = field(after, 'result')
  return result === 'ok' ? `${name} passed` : `${name} found: ${result ?? '?'}`
}

/**
 * Every action Gatehouse records, in words. The audit page, exports and evidence packs say the
 * same sentence; a test holds that every action the commands write is here.
 */
export const auditWords: Record<string, Words> = {
  'auth.first_admin_created': ({ entity }) => `First administrator ${entity} created`,
  'auth.signed_up': ({ entity }) => `${entity} signed up`,
  'auth.login': ({ entity }) => `${entity} signed in`,
  'auth.login_failed': ({ entity }) => `Failed sign-in as ${entity}`,
  'auth.login_throttled': ({ entity }) => `Sign-in as ${entity} refused: too many failed attempts`,
  'auth.logout': ({ entity }) => `${entity} signed out`,
  'auth.session_expired': ({ entity, after }) => withReason(`Session of ${entity} ended`, field(after, 'reason')),
  'user.created': ({ entity }) => `Account ${entity} created`,
  'user.roles_changed': rolesChanged,
  'user.manager_changed': ({ entity, after }) =>
    after?.managerId === null ? `Manager of ${entity} removed` : `Manager of ${entity} changed`,
  'user.deactivated': ({ entity, after }) => withReason(`Account ${entity} deactivated`, field(after, 'reason')),
  'user.reactivated': ({ entity }) => `Account ${entity} reactivated`,
  'user.password_changed': ({ entity }) => `Password of ${entity} changed`,
  'user.password_reset': ({ entity }) =>
    `Password of ${entity} reset by an administrator; must be changed at next sign-in`,
  'system.backup_taken': backupTaken,
  'system.restored': ({ after }) =>
    `Database restored from ${field(after, 'from') ?? 'a backup'}${field(after, 'replaced') ? `; the one it replaced kept as ${field(after, 'replaced') ?? ''}` : ''}`,
  'system.backup_schedule_changed': ({ after }) =>
    `Backup schedule set: every ${field(after, 'everyHours') ?? '?'} h, the newest ${field(after, 'keepScheduled') ?? '?'} scheduled backups kept`,
  'system.integrity_checked': integrityChecked,
  'system.integrity_check_schedule_changed': ({ after }) =>
    `Database integrity check schedule set: a full check every ${field(after, 'everyHours') ?? '?'} h`,
  'audit.checkpoint_taken': ({ after }) => `Audit checkpoint signed at entry ${field(after, 'seq') ?? '?'}`,
  'audit.exported': ({ after }) =>
    `Audit trail exported: ${field(after, 'rows') ?? '?'} entries as ${String(field(after, 'format') ?? '').toUpperCase()}`,
  'gas.exported': ({ after }) =>
    `Gas ${field(after, 'dataset') ?? 'data'} of ${field(after, 'subject') ?? 'a subject'} exported: ${field(after, 'rows') ?? '?'} rows as ${String(field(after, 'format') ?? '').toUpperCase()}${field(after, 'resolution') ? ` (${field(after, 'resolution') ?? ''})` : ''}`,
  'evidence.permit_pack_written': ({ entity }) => `Evidence pack of permit ${entity} written`,
  'evidence.annual_review_written': ({ entity, after }) =>
    `Annual programme review ${field(after, 'year') ?? ''} written for ${field(after, 'site') ?? entity}`,
  'audit.signing_key_created': ({ after }) => `Audit signing key ${field(after, 'keyId') ?? ''} created`,
  'site.created': ({ entity }) => `Site ${entity} created`,
  'site.updated': ({ entity }) => `Site ${entity} changed`,
  'space.created': ({ entity }) => `Space ${entity} registered`,
  'space.updated': ({ entity }) => `Space ${entity} changed`,
  'space.retired': ({ entity, after }) => withReason(`Space ${entity} retired`, field(after, 'reason')),
  'permit.created': ({ entity }) => `Permit ${entity} drafted`,
  'permit.edited': ({ entity }) => `Permit ${entity} edited`,
  'permit.submit': ({ entity }) => `Permit ${entity} submitted for authorization`,
  'permit.return_to_draft': ({ entity }) => `Permit ${entity} returned to draft`,
  'permit.authorized': ({ entity }) => `Permit ${entity} authorized`,
  'permit.suspend': ({ entity, after }) => withReason(`Permit ${entity} suspended`, field(after, 'reason')),
  'permit.resume': ({ entity }) => `Permit ${entity} resumed`,
  'permit.close': ({ entity }) => `Permit ${entity} closed`,
  'permit.cancel': ({ entity, after }) => withReason(`Permit ${entity} cancelled`, field(after, 'reason')),
  'permit.expired': ({ entity }) => `Permit ${entity} expired`,
  'permit.supervisor_transferred': ({ entity }) => `Permit ${entity} handed to another entry supervisor`,
  'attendant.assigned': ({ entity, after }) =>
    `${field(after, 'fullName') ?? 'An attendant'} assigned to permit ${entity}`,
  'attendant.on_duty': ({ entity }) => `An attendant went on duty at permit ${entity}`,
  'attendant.relieved': ({ entity }) => `An attendant was relieved at permit ${entity}`,
  'entry.recorded': ({ entity, after }) => `${field(after, 'person') ?? 'Someone'} entered under permit ${entity}`,
  'entry.refused': ({ entity, after }) =>
    `Entry of ${field(after, 'person') ?? 'someone'} refused under permit ${entity}`,
  'exit.recorded': ({ entity, after }) => `${field(after, 'person') ?? 'Someone'} left under permit ${entity}`,
  'exit.corrected': ({ entity, after }) =>
    `Exit of ${field(after, 'person') ?? 'someone'} corrected under permit ${entity}: back inside`,
  'datalog.imported': ({ entity, after }) =>
    `Datalog ${entity} imported: ${field(after, 'stored') ?? '0'} readings stored, ${field(after, 'alreadyStored') ?? '0'} already stored`,
  'readings.ingested': ({ after }) =>
    `${field(after, 'count') ?? 'Some'} readings recorded from ${field(after, 'sender') ?? 'a monitor'}`,
  'readings.raw_removed': ({ after }) => {
    const permits = Array.isArray(after?.permits) ? after.permits.length : 0
    return `Raw readings of ${String(permits)} closed permit${permits === 1 ? '' : 's'} removed after their retention (${field(after, 'readings') ?? '?'} readings); their minute and hour rollups kept`
  },
  'alarms.acknowledged': ({ after }) => {
    const count = Array.isArray(after?.alarmIds) ? after.alarmIds.length : 0
    return `${String(count)} alarm${count === 1 ? '' : 's'} acknowledged`
  },
  'alarms.stale_raised': () => 'Stale-feed alarms raised',
  'alarm.resolved': ({ entity, after }) => withReason(`Alarm ${entity} resolved`, field(after, 'resolution')),
  'evacuation.ordered': ({ entity, after }) => withReason(`Evacuation ${entity} ordered`, field(after, 'reason')),
  'handover.signed': ({ entity }) => `Shift handover ${entity} signed`,
  'handover.acknowledged': ({ entity }) => `Shift handover ${entity} acknowledged`,
  'demo.loaded': () => 'Demo site loaded',
  'demo.removed': () => 'Demo site removed',
  'instrument.registered': ({ entity }) => `Gas monitor ${entity} registered`,
  'instrument.updated': ({ entity }) => `Gas monitor ${entity} changed`,
  'device.created': ({ entity }) => `Field device token ${entity} created`,
  'device.revoked': ({ entity, after }) => withReason(`Field device token ${entity} revoked`, field(after, 'reason')),
  'simulator.started': () => 'Simulated monitors started',
  'simulator.stopped': () => 'Simulated monitors stopped',
  'access.resource.created': ({ entity }) => `Resource ${entity} added to the catalogue`,
  'access.resource.updated': ({ entity }) => `Resource ${entity} changed`,
  'access.resource.retired': ({ entity, after }) => withReason(`Resource ${entity} retired`, field(after, 'reason')),
  'access.request.filed': ({ entity, after }) =>
    `Access ${entity} requested${field(after, 'resource') ? ` for ${field(after, 'resource') ?? ''} (${field(after, 'level') ?? ''})` : ''}`,
  'access.request.edited': ({ entity }) => `Access ${entity} edited`,
  'access.request.withdrawn': ({ entity }) => `Access ${entity} withdrawn`,
  'access.request.first_approval': ({ entity }) => `Access ${entity}: first of two approvals given`,
  'access.request.approved': ({ entity }) => `Access ${entity} approved`,
  'access.request.denied': ({ entity, after }) => withReason(`Access ${entity} denied`, field(after, 'comment')),
  'access.request.expired': ({ entity }) => `Access ${entity} expired undecided`,
  'access.grant.revoked': ({ entity, after }) => withReason(`Grant ${entity} revoked`, field(after, 'reason')),
  'access.grant.expired': ({ entity }) => `Grant ${entity} expired`,
  'access.grant.ended': ({ entity, after }) => withReason(`Grant ${entity} ended`, field(after, 'reason')),
  'access.grant.reminded': ({ entity }) => `Holder of grant ${entity} reminded of its end`,
  'access.review.started': ({ entity }) => `Access review ${entity} started`,
  'access.review.keep': ({ entity }) => `Access review ${entity}: grants kept`,
  'access.review.shorten': ({ entity }) => `Access review ${entity}: grants shortened`,
  'access.review.revoke': ({ entity }) => `Access review ${entity}: grants revoked`,
  'access.review.closed': ({ entity }) => `Access review ${entity} closed`,
  'access.review.due': ({ entity }) => `Review of ${entity} due; owners told`,
  'notifications.read': () => 'Notifications marked read',
}

/** Words for an action no table names: its code, read out ("permit.return_to_draft" → "Permit return to draft: X"). */
const fallback = (action: string, entity: string) => {
  const spoken = action.replace(/[._]/g, ' ')
  return `${spoken.charAt(0).toUpperCase()}${spoken.slice(1)}: ${entity}`
}

export const hasAuditWords = (action: string): boolean => Object.prototype.hasOwnProperty.call(auditWords, action)

export function describeAuditEntry(action: string, facts: AuditFacts): string {
  const words = hasAuditWords(action) ? auditWords[action] : undefined
  return words ? words(facts) : fallback(action, facts.entity)
}
