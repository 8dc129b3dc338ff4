import type { DeviceScope } from './devices'
import type { EventName } from './events'
import type { ProcedurePath } from './procedures'
import type { Role } from './roles'
import { exposureReaderRoles } from '../domain/record-rules'

/**
 * Who may call what. Deny by default: a procedure or event missing here does not compile,
 * and an empty role list admits nobody. `public` needs no session, `signedIn` any session.
 * Record-level rules (a requester sees only their own requests) live in the services.
 */
export type Access = 'public' | 'signedIn' | readonly Role[]

const admin = ['administrator'] as const
const auditReaders = ['administrator', 'auditor'] as const
/** Everyone who works with permits may see the board; requesters and IT approvers need not. */
const boardReaders = ['administrator', 'supervisor', 'safety_officer', 'attendant', 'entrant', 'auditor'] as const
const supervisors = ['supervisor'] as const
const spaceKeepers = ['supervisor', 'administrator'] as const
/** Who may take atmospheric tests. */
const testers = ['supervisor', 'attendant', 'safety_officer'] as const
/** Who logs entries and exits and may order an evacuation at the portal. */
const portal = ['supervisor', 'attendant'] as const
/** Who keeps the register of gas monitors. */
const instrumentKeepers = ['safety_officer', 'administrator'] as const
/**
 * Who decides access requests: IT approvers for IT resources, supervisors for spaces. Which
 * requests each may decide is a record-level rule (the resource's approvers) in the access service.
 */
const accessApprovers = ['it_approver', 'supervisor'] as const
/** Who may end a grant or review a resource: its owners and approvers, and administrators. */
const accessKeepers = ['it_approver', 'supervisor', 'administrator'] as const
/** Who keeps the IT catalogue. */
const catalogueKeepers = ['administrator'] as const
/** Who hands a permit's evidence to an outside reviewer. */
const evidenceReaders = ['administrator', 'auditor', 'supervisor', 'safety_officer'] as const
/** Who prepares the annual review of the confined-space programme. */
const programmeReviewers = ['administrator', 'auditor', 'safety_officer'] as const
/** Who takes gas data away (readings, alarms, exposure) for review elsewhere. */
const gasExporters = ['safety_officer', 'supervisor', 'auditor', 'administrator'] as const
/** Who imports the datalog of a monitor that was not online. */
const datalogImporters = ['safety_officer', 'supervisor', 'administrator'] as const
/** Who answers an alarm: whoever watches a space. */
const alarmResponders = ['supervisor', 'attendant', 'safety_officer'] as const

export const procedurePolicy = {
  'auth.status': 'public',
  'auth.setupFirstAdmin': 'public',
  'auth.signUp': 'public',
  'auth.login': 'public',
  'auth.logout': 'signedIn',
  'auth.me': 'signedIn',
  'auth.changePassword': 'signedIn',
  'users.list': admin,
  'users.directory': boardReaders,
  // Anyone may manage someone; the service returns only the caller's own reports.
  'users.reports': 'signedIn',
  'users.create': admin,
  'users.setRoles': admin,
  'users.setActive': admin,
  'users.setManager': admin,
  'users.resetPassword': admin,
  'audit.list': auditReaders,
  'audit.findRecord': auditReaders,
  'audit.verify': auditReaders,
  'audit.checkpoint': auditReaders,
  'audit.export': auditReaders,
  'system.info': admin,
  'system.backup': admin,
  'system.backups': admin,
  'system.setBackupSchedule': admin,
  'database.restore': admin,
  'system.integrityChecks': admin,
  'system.checkIntegrity': admin,
  'system.setIntegrityCheckSchedule': admin,
  'sites.list': 'signedIn',
  'sites.save': admin,
  'spaces.list': boardReaders,
  'spaces.create': spaceKeepers,
  'spaces.update': spaceKeepers,
  'spaces.retire': spaceKeepers,
  'permits.board': boardReaders,
  'permits.register': boardReaders,
  'permits.get': boardReaders,
  'permits.create': supervisors,
  'permits.update': supervisors,
  'permits.transition': supervisors,
  'permits.authorize': supervisors,
  'permits.transferSupervisor': supervisors,
  'permits.savePdf': boardReaders,
  'attendants.assign': supervisors,
  'attendants.setStatus': portal,
  'attendants.roster': boardReaders,
  'entries.recordEntry': portal,
  'entries.recordExit': portal,
  'entries.correctExit': portal,
  'entries.pairs': boardReaders,
  'entries.inside': boardReaders,
  'atmosphere.recordTest': testers,
  'evacuations.order': portal,
  'evacuations.active': boardReaders,
  'handover.draft': supervisors,
  'handover.sign': supervisors,
  'handover.acknowledge': supervisors,
  'handover.list': supervisors,
  'demo.load': ['administrator', 'supervisor'],
  'demo.remove': admin,
  'instruments.list': boardReaders,
  'instruments.save': instrumentKeepers,
  'readings.ingest': testers,
  'readings.live': boardReaders,
  'alarms.list': boardReaders,
  'alarms.summary': boardReaders,
  'alarms.acknowledge': alarmResponders,
  'alarms.resolve': supervisors,
  'devices.list': admin,
  'devices.create': admin,
  'devices.revoke': admin,
  'simulator.start': ['administrator', 'supervisor'],
  'simulator.stop': ['administrator', 'supervisor'],
  'simulator.status': ['administrator', 'supervisor'],
  // Anyone signed in may ask for access and read their own; the service scopes every read to its record.
  'access.resources': 'signedIn',
  'access.saveResource': catalogueKeepers,
  'access.retireResource': catalogueKeepers,
  'access.fileRequest': 'signedIn',
  'access.editRequest': 'signedIn',
  'access.withdrawRequest': 'signedIn',
  'access.requests': 'signedIn',
  'access.request': 'signedIn',
  'access.queue': accessApprovers,
  'access.decide': accessApprovers,
  'access.grants': 'signedIn',
  'access.revokeGrant': accessKeepers,
  'access.startReview': accessKeepers,
  'access.reviews': [...accessKeepers, 'auditor'],
  'access.reviewDecide': accessKeepers,
  'access.closeReview': accessKeepers,
  'notifications.list': 'signedIn',
  'notifications.markRead': 'signedIn',
  'evidence.permitPack': evidenceReaders,
  'evidence.annualReview': programmeReviewers,
  'trends.query': boardReaders,
  // Each import is its person's own: the service answers NOT_FOUND for anyone else's.
  'datalog.begin': datalogImporters,
  'datalog.stage': datalogImporters,
  'datalog.commit': datalogImporters,
  'datalog.discard': datalogImporters,
  // Entrants read their own exposure: a record-level rule in the exposure handlers.
  'exposure.person': [...exposureReaderRoles, 'entrant'],
  'exposure.exceedances': exposureReaderRoles,
  'gas.export': gasExporters,
  'retention.status': admin,
} as const satisfies Record<ProcedurePath, Access>

/**
 * What a field device's token may call: nothing but what its scope names. A device is not a
 * person and holds no role, so no other procedure admits it.
 */
export const deviceProcedurePolicy = {
  'readings.ingest': 'post_readings',
} as const satisfies Partial<Record<ProcedurePath, DeviceScope>>

export const eventPolicy = {
  'sites.changed': boardReaders,
  'spaces.changed': boardReaders,
  'permits.changed': boardReaders,
  'entries.changed': boardReaders,
  'atmosphere.recorded': boardReaders,
  'evacuations.changed': boardReaders,
  'handovers.changed': supervisors,
  'users.changed': admin,
  'audit.appended': auditReaders,
  'alarms.raised': boardReaders,
  'alarms.changed': boardReaders,
  'readings.recorded': boardReaders,
  'instruments.changed': boardReaders,
  'devices.changed': admin,
  'system.backupsChanged': admin,
  'system.integrityChecksChanged': admin,
  // Signed in, then narrowed to the people who may read the record (core/event-access.ts).
  'access.resourcesChanged': 'signedIn',
  'access.requestChanged': 'signedIn',
  'access.grantChanged': 'signedIn',
  'access.reviewChanged': [...accessKeepers, 'auditor'],
  'notifications.created': 'signedIn',
  'exports.progress': 'signedIn',
  // Narrowed to the person who imports (core/event-access.ts).
  'datalog.progress': datalogImporters,
} as const satisfies Record<EventName, Exclude<Access, 'public'>>

/** Whether a caller holding these roles (null: no session) passes an access rule. */
export function allows(access: Access, callerRoles: readonly Role[] | null): boolean {
  if (access === 'public') return true
  if (callerRoles === null) return false
  if (access === 'signedIn') return true
  return access.some((role) => callerRoles.includes(role))
}
