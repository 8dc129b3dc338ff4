import { exposureReadRefusal } from '../../shared/domain/record-rules'
import type { Clock } from '../core/clock'
import { refuseIf } from '../core/domain-error'
import type { HandlersFor } from '../core/handler-types'
import type { Db } from '../db/database'
import { exposureExceedances, personExposure } from './exposure-service'

export function createExposureHandlers(db: Db, clock: Clock): HandlersFor<'exposure'> {
  return {
    'exposure.person': (input, ctx) => {
      // The policy admits entrants; which person they may read is this record-level rule.
      refuseIf(exposureReadRefusal(ctx.principal, input.personKey))
      return personExposure(db, input.personKey, input, clock.now())
    },
    'exposure.exceedances': (input) => exposureExceedances(db, input.siteId, input, clock.now()),
  }
}
