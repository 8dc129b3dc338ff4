import type { ResourceDto } from '../../../../shared/contract/access'
import type { UserDto } from '../../../../shared/contract/identity'

/**
 * Whether this person keeps the resource (sees all its grants, revokes and reviews them): its
 * owners and approvers, supervisors for every space, administrators for all. The server decides
 * again; this only keeps the screen from offering what it would refuse.
 */
export function keeps(resource: ResourceDto, user: Pick<UserDto, 'id' | 'roles'>): boolean {
  if (user.roles.includes('administrator')) return true
  if (resource.approverRole !== null) return user.roles.some((role) => role === resource.approverRole)
  return [...resource.owners, ...resource.approvers].some((person) => person.id === user.id)
}

/** The resources whose grants this person may read whole: those they keep, or all for auditors. */
export const readableResources = (resources: readonly ResourceDto[], user: Pick<UserDto, 'id' | 'roles'>) =>
  user.roles.includes('auditor') ? [...resources] : resources.filter((resource) => keeps(resource, user))
