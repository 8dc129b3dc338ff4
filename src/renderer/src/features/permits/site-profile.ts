import type { SiteDto } from '../../../../shared/contract/sites'
import { limitProfiles } from '../../../../shared/domain/limit-profiles'
import type { LimitProfile } from '../../../../shared/domain/limit-profiles'

/** A shipped limit profile by its id; a site may name one this window does not know. */
export function profileById(profileId: string): LimitProfile | null {
  return Object.values(limitProfiles).find((profile) => profile.id === profileId) ?? null
}

/** The limit profile of the site a space belongs to. */
export function siteProfile(sites: readonly SiteDto[], siteId: number | undefined): LimitProfile | null {
  const site = sites.find((candidate) => candidate.id === siteId)
  return site ? profileById(site.limitProfile) : null
}
