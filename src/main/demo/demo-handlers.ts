import type { HandlersFor } from '../core/handler-types'
import { conflict } from '../core/domain-error'
import type { Commit } from '../core/unit-of-work'
import type { PasswordHasher } from '../identity/password-hasher'
import { actorOf } from '../identity/principal'
import { findSiteByCode } from '../sites/site-repository'
import { demoPasswordHashes, demoSiteCode, writeDemoSite } from './demo-site'

export function createDemoHandlers(commit: Commit, hasher: PasswordHasher): HandlersFor<'demo'> {
  return {
    'demo.load': async (_input, ctx) => {
      const hashes = await demoPasswordHashes(hasher)
      return commit(actorOf(ctx.principal), (tx, now) => {
        if (findSiteByCode(tx, demoSiteCode)) throw conflict('The demo site is already loaded (site code DEMO).')
        const made = writeDemoSite(tx, actorOf(ctx.principal), now, hashes)
        return {
          value: made,
          audit: { action: 'demo.loaded', entityType: 'site', entityId: made.siteId, after: made },
          events: [{ name: 'sites.changed', payload: { siteId: made.siteId, at: now } }],
        }
      })
    },
  }
}
