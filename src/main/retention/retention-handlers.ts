import { minRawReadingDays } from '../../shared/contract/sites'
import type { HandlersFor } from '../core/handler-types'
import type { Db } from '../db/database'
import { listSites } from '../sites/site-repository'
import { retentionCheckMs, type RetentionService } from './retention-service'

export function createRetentionHandlers(db: Db, retention: RetentionService): HandlersFor<'retention'> {
  return {
    'retention.status': () => ({
      sites: listSites(db).map((site) => ({
        siteId: site.id,
        code: site.code,
        name: site.name,
        rawReadingDays: site.rawReadingDays,
      })),
      minimumDays: minRawReadingDays,
      lastRun: retention.lastRun(),
      lastCheckedAt: retention.lastCheckedAt(),
      lastFailure: retention.lastFailure(),
      everyMinutes: retentionCheckMs / 60_000,
    }),
  }
}
