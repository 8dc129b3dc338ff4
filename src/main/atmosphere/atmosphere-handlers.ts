import { and, desc, eq } from 'drizzle-orm'
import type { UnmetCondition } from '../../shared/contract/errors'
import { clockSkewToleranceMs } from '../../shared/domain/decisive-test'
import { instrumentReadiness } from '../../shared/domain/instrument-readiness'
import { isTerminal } from '../../shared/domain/permit-lifecycle'
import type { Clock } from '../core/clock'
import { DomainError, notFound, preconditionFailed } from '../core/domain-error'
import type { HandlersFor } from '../core/handler-types'
import type { Db } from '../db/database'
import { gasReadings } from '../db/schema'
import { actorOf } from '../identity/principal'
import { findUserById } from '../identity/user-repository'
import { findInstrumentBySerial } from '../instruments/instrument-repository'
import { requirePermit } from '../permits/permit-repository'
import { toReadingDto } from '../permits/permit-views'
import type { IngestService } from '../readings/ingest-service'

/**
 * A test typed at the console goes through the one ingest path, so the alarm engine judges it
 * like any other reading. The instrument comes from the register: what the register does not
 * know, or knows to be unfit for a pre-entry test, is refused with that reason.
 */
export function createAtmosphereHandlers(db: Db, clock: Clock, ingest: IngestService): HandlersFor<'atmosphere'> {
  return {
    'atmosphere.recordTest': (input, ctx) => {
      if (input.takenAt > clock.now() + clockSkewToleranceMs) {
        throw new DomainError('VALIDATION', 'takenAt is in the future; check the instrument’s clock.', [
          { field: 'takenAt', rule: 'not_future', message: 'must not be in the future' },
        ])
      }
      const permit = requirePermit(db, input.permitId)
      if (isTerminal(permit.state))
        throw preconditionFailed(`${permit.number} is ${permit.state}; tests go on a current permit.`)
      const instrument = findInstrumentBySerial(db, input.instrument)
      const unmet: UnmetCondition[] = []
      if (!instrument || instrument.siteId !== permit.siteId) {
        unmet.push({
          code: 'instrument_registered',
          message: `${input.instrument} is not in the instrument register of this permit's site; register it first.`,
        })
      } else if (instrument.status !== 'in_service') {
        unmet.push({ code: 'instrument_registered', message: `${instrument.serial} is out of service.` })
      } else if (input.kind === 'pre_entry') {
        const readiness = instrumentReadiness(instrument, clock.now())
        if (readiness.problems.length > 0)
          unmet.push({
            code: 'instrument_ready',
            message: `${instrument.serial} cannot take a pre-entry test: ${readiness.problems.join(' and ')}.`,
          })
      }
      if (unmet.length > 0 || !instrument)
        throw preconditionFailed(`The test was not recorded: ${unmet.map((u) => u.message).join(' ')}`, unmet)
      let tester: { userId: number | null; name: string }
      if ('userId' in input.tester) {
        const user = findUserById(db, input.tester.userId)
        if (!user) throw notFound(`There is no user with id ${input.tester.userId}.`)
        tester = { userId: user.id, name: user.displayName }
      } else {
        tester = { userId: null, name: input.tester.name }
      }
      ingest.ingest(
        [
          {
            permitId: permit.id,
            loggedAt: input.takenAt,
            monitoredBy: instrument.serial,
            kind: input.kind,
            oxygenPercent: input.values.o2,
            lelPercent: input.values.lel,
            h2sPpm: input.values.h2s,
            coPpm: input.values.co,
          },
        ],
        {
          actor: actorOf(ctx.principal),
          source: 'manual',
          siteId: null,
          testerName: tester.name,
          testerUserId: tester.userId,
          key: `user:${String(ctx.principal.userId)}`,
        },
      )
      const row = db
        .select()
        .from(gasReadings)
        .where(and(eq(gasReadings.permitId, permit.id), eq(gasReadings.instrumentId, instrument.id)))
        .orderBy(desc(gasReadings.id))
        .limit(1)
        .get()
      if (!row) throw new Error('the test just recorded')
      return toReadingDto(row, requirePermit(db, permit.id))
    },
  }
}
