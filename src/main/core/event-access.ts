import { allows, eventPolicy } from '../../shared/contract/policy'
import type { EventMessage } from '../../shared/contract/events'
import type { Principal } from '../identity/principal'

/**
 * Whether this principal may receive this event: the policy table first, then record-level
 * rules (none yet; a requester will see only events about their own requests).
 */
export function mayReceive(principal: Principal, message: EventMessage): boolean {
  return allows(eventPolicy[message.name], principal.roles)
}
