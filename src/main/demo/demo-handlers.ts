import type { HandlersFor } from '../core/handler-types'
import { conflict, notFound, preconditionFailed } from '../core/domain-error'
import type { Commit } from '../core/unit-of-work'
import type { PasswordHasher } from '../identity/password-hasher'
import { actorOf } from '../identity/principal'
import { findSiteByCode } from '../sites/site-repository'
import { demoSiteRemoved, retireDemoSite } from './demo-removal'
import { demoPasswordHashes, demoSiteCode, writeDemoSite } from './demo-site'

export function createDemoHandlers(commit: Commit, hasher: PasswordHasher): HandlersFor<'demo'> {
  return {
    'demo.load': async (_input, ctx) => {
      const hashes = await demoPasswordHashes(hasher)
      return commit(actorOf(ctx.principal), (tx, now) => {
        const loaded = findSiteByCode(tx, demoSiteCode)
        if (loaded && demoSiteRemoved(tx, loaded.id))
          throw conflict('The demo site was removed; its records are kept, so it cannot be loaded again.')
        if (loaded) throw conflict('The demo site is already loaded (site code DEMO).')
        const made = writeDemoSite(tx, actorOf(ctx.principal), now, hashes)
        return {
          value: made,
          audit: { action: 'demo.loaded', entityType: 'site', entityId: made.siteId, after: made },
          events: [{ name: 'sites.changed', payload: { siteId: made.siteId, at: now } }],
        }
      })
    },

    // One step for an administrator: whatever the first-run choice was, the demo can go.
    'demo.remove': (_input, ctx) =>
      commit(actorOf(ctx.principal), (tx, now) => {
        const site = findSiteByCode(tx, demoSiteCode)
        if (!site?.isDemo) throw notFound('There is no demo site loaded.')
        if (demoSiteRemoved(tx, site.id)) throw preconditionFailed('The demo site has already been removed.')
        const { value, events } = retireDemoSite(tx, actorOf(ctx.principal), ctx.principal.userId, site.id, now)
        return {
          value,
          audit: { action: 'demo.removed', entityType: 'site', entityId: site.id, after: value },
          events,
        }
      }),
  }
}
