import type { PermitFields } from '../../shared/contract/permits'
import type { FieldIssue } from '../../shared/contract/errors'
import { conditionsViolations, defaultConditionsFor, limitProfiles } from '../../shared/domain/limit-profiles'
import type { LimitProfileId } from '../../shared/domain/limit-profiles'
import { DomainError, notFound, preconditionFailed } from '../core/domain-error'
import type { Db } from '../db/database'
import { findUserById, rolesOf } from '../identity/user-repository'
import { findSite } from '../sites/site-repository'
import { findSpace } from '../spaces/space-repository'
import { personKeyOf } from './person-key'

export interface ResolvedEntrant {
  personKey: string
  userId: number | null
  name: string
}

export const profileOf = (id: string) => limitProfiles[id as LimitProfileId] ?? limitProfiles.factory

/**
 * The checks a permit's fields need from the database: the space can take a permit, the entry
 * supervisor is one, entrants exist, and acceptable conditions are no looser than the site's
 * limit profile (1910.146(f)(9); a permit may only be stricter).
 */
export function resolvePermitFields(tx: Db, fields: PermitFields, now: number) {
  const issues: FieldIssue[] = []
  const space = findSpace(tx, fields.spaceId)
  if (!space) throw notFound(`There is no space with id ${fields.spaceId}.`)
  if (space.retiredAt !== null) throw preconditionFailed(`${space.tag} is retired and takes no new permits.`)
  if (space.classification === 'non_permit') {
    throw preconditionFailed(`${space.tag} is classified non-permit; reclassify it before issuing an entry permit.`)
  }
  const site = findSite(tx, space.siteId)
  if (!site) throw notFound(`The site of ${space.tag} no longer exists.`)

  const supervisor = findUserById(tx, fields.entrySupervisorId)
  if (!supervisor || !supervisor.active || !rolesOf(tx, supervisor.id).includes('supervisor')) {
    issues.push({
      field: 'entrySupervisorId',
      rule: 'supervisor',
      message: 'must be an active account with the site supervisor role',
    })
  }

  const entrants = new Map<string, ResolvedEntrant>()
  fields.entrants.forEach((person, index) => {
    if ('userId' in person) {
      const user = findUserById(tx, person.userId)
      if (!user || !user.active) {
        issues.push({ field: `entrants.${index}.userId`, rule: 'exists', message: 'must be an active account' })
        return
      }
      entrants.set(personKeyOf(person), { personKey: personKeyOf(person), userId: user.id, name: user.displayName })
    } else {
      entrants.set(personKeyOf(person), { personKey: personKeyOf(person), userId: null, name: person.name })
    }
  })

  if (fields.validTo <= now) issues.push({ field: 'validTo', rule: 'future', message: 'must be in the future' })

  const defaults = defaultConditionsFor(profileOf(site.limitProfile))
  const conditions = fields.conditions ?? defaults
  for (const violation of conditionsViolations(conditions, defaults)) {
    issues.push({ field: `conditions.${violation.field}`, rule: 'stricter_only', message: violation.message })
  }

  if (issues.length > 0) {
    throw new DomainError(
      'VALIDATION',
      `Please correct the permit: ${issues.map((i) => `${i.field} ${i.message}`).join('; ')}.`,
      issues,
    )
  }
  return { space, site, entrants: [...entrants.values()], conditions, limitProfile: profileOf(site.limitProfile).id }
}
