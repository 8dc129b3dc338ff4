import { eq } from 'drizzle-orm'
import { allows, eventPolicy } from '../../shared/contract/policy'
import type { EventMessage } from '../../shared/contract/events'
import { mayReadGrant, mayReadRequest } from '../access/access-queries'
import { findResource, keepsResource, readsAll } from '../access/resource-repository'
import type { Db } from '../db/database'
import { accessGrants, accessRequests } from '../db/schema'
import type { Principal } from '../identity/principal'

export type MayReceive = (principal: Principal, message: EventMessage) => boolean

/**
 * Whether this principal may receive this event: the policy table first, then the record-level
 * rule of the record it is about, read afresh, so an event never tells someone of a record they
 * could not read. Every transport asks this one function.
 */
export function createEventAccess(db: Db): MayReceive {
  return (principal, message) => {
    // A session held by a temporary password hears nothing until the password is changed.
    if (principal.mustChangePassword || !allows(eventPolicy[message.name], principal.roles)) return false
    switch (message.name) {
      case 'notifications.created':
      case 'exports.progress':
      case 'datalog.progress':
        return message.payload.userId === principal.userId
      case 'access.requestChanged': {
        const row = db
          .select({
            requesterId: accessRequests.requesterId,
            filedById: accessRequests.filedById,
            resourceId: accessRequests.resourceId,
          })
          .from(accessRequests)
          .where(eq(accessRequests.id, message.payload.requestId))
          .get()
        return row !== undefined && mayReadRequest(db, principal, row)
      }
      case 'access.grantChanged': {
        const row = db
          .select({ userId: accessGrants.userId, resourceId: accessGrants.resourceId })
          .from(accessGrants)
          .where(eq(accessGrants.id, message.payload.grantId))
          .get()
        return row !== undefined && mayReadGrant(db, principal, row)
      }
      case 'access.reviewChanged': {
        if (readsAll(principal)) return true
        const resource = findResource(db, message.payload.resourceId)
        return resource !== undefined && keepsResource(resource, principal)
      }
      default:
        return true
    }
  }
}
