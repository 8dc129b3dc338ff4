import { allows, procedurePolicy } from '../../../../shared/contract/policy'
import type { Access } from '../../../../shared/contract/policy'
import type { Role } from '../../../../shared/contract/roles'

export type PageId =
  'board' | 'gas' | 'entries' | 'spaces' | 'handover' | 'access' | 'audit' | 'evidence' | 'admin' | 'api'

export interface PageEntry {
  id: PageId
  label: string
  /** Who sees the page: the policy of the procedure that fills it, so the menu never offers a refusal. */
  access: Access
}

export const pages: readonly PageEntry[] = [
  { id: 'board', label: 'Board', access: procedurePolicy['permits.board'] },
  { id: 'gas', label: 'Gas', access: procedurePolicy['alarms.list'] },
  { id: 'entries', label: 'Entries', access: procedurePolicy['entries.inside'] },
  { id: 'spaces', label: 'Spaces', access: procedurePolicy['spaces.list'] },
  { id: 'handover', label: 'Handover', access: procedurePolicy['handover.draft'] },
  { id: 'access', label: 'Access', access: 'signedIn' },
  { id: 'audit', label: 'Audit', access: procedurePolicy['audit.list'] },
  { id: 'evidence', label: 'Evidence', access: procedurePolicy['evidence.annualReview'] },
  { id: 'admin', label: 'Admin', access: procedurePolicy['users.list'] },
  // The playground lists what the person may call; it is the administrators' tool for trying the API.
  { id: 'api', label: 'API', access: procedurePolicy['system.info'] },
]

export const visiblePages = (roles: readonly Role[]): PageEntry[] => pages.filter((page) => allows(page.access, roles))

/**
 * Where a person opens: an IT approver on the Access page (its approval queue), whatever else
 * they hold; everyone else on their first page (a requester's only one is Access, on "My access").
 */
export function landingPage(visible: readonly PageEntry[], roles: readonly Role[]): PageId | undefined {
  if (roles.includes('it_approver') && visible.some((page) => page.id === 'access')) return 'access'
  return visible[0]?.id
}
