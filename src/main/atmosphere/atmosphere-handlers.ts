import { clockSkewToleranceMs } from '../../shared/domain/decisive-test'
import { isTerminal } from '../../shared/domain/permit-lifecycle'
import type { Clock } from '../core/clock'
import { DomainError, notFound, preconditionFailed } from '../core/domain-error'
import type { HandlersFor } from '../core/handler-types'
import type { Commit } from '../core/unit-of-work'
import { gasReadings } from '../db/schema'
import { actorOf } from '../identity/principal'
import { findUserById } from '../identity/user-repository'
import { addTimeline, requirePermit } from '../permits/permit-repository'
import { toReadingDto } from '../permits/permit-views'

export function createAtmosphereHandlers(commit: Commit, clock: Clock): HandlersFor<'atmosphere'> {
  return {
    'atmosphere.recordTest': (input, ctx) => {
      // Instrument clocks drift; a reading further ahead of ours than the tolerance is refused.
      if (input.takenAt > clock.now() + clockSkewToleranceMs) {
        throw new DomainError('VALIDATION', 'takenAt is in the future; check the instrument’s clock.', [
          { field: 'takenAt', rule: 'not_future', message: 'must not be in the future' },
        ])
      }
      return commit(actorOf(ctx.principal), (tx, now) => {
        const permit = requirePermit(tx, input.permitId)
        if (isTerminal(permit.state))
          throw preconditionFailed(`${permit.number} is ${permit.state}; tests go on a current permit.`)
        let tester: { userId: number | null; name: string }
        if ('userId' in input.tester) {
          const user = findUserById(tx, input.tester.userId)
          if (!user) throw notFound(`There is no user with id ${input.tester.userId}.`)
          tester = { userId: user.id, name: user.displayName }
        } else {
          tester = { userId: null, name: input.tester.name }
        }
        const row = tx
          .insert(gasReadings)
          .values({
            takenAt: input.takenAt,
            ...input.values,
            instrument: input.instrument,
            takenByUserId: tester.userId,
            takenByName: tester.name,
            permitId: permit.id,
            spaceId: permit.spaceId,
            kind: input.kind,
            source: 'manual',
            recordedAt: now,
          })
          .returning()
          .get()
        const reading = toReadingDto(row, permit)
        const verdict = reading.pass
          ? 'pass'
          : `FAIL: ${reading.evaluations
              .filter((e) => !e.pass)
              .map((e) => e.message)
              .join(' ')}`
        addTimeline(tx, {
          permitId: permit.id,
          actor: actorOf(ctx.principal),
          at: now,
          kind: `test_${input.kind}`,
          note: `O2 ${row.o2} % vol, LEL ${row.lel} %, H2S ${row.h2s} ppm, CO ${row.co} ppm by ${tester.name} with ${row.instrument}: ${verdict}`,
        })
        return {
          value: reading,
          audit: {
            action: 'atmosphere.test_recorded',
            entityType: 'permit',
            entityId: permit.id,
            after: {
              readingId: row.id,
              kind: row.kind,
              values: input.values,
              instrument: row.instrument,
              tester: tester.name,
              pass: reading.pass,
            },
          },
          events: [
            {
              name: 'atmosphere.recorded',
              payload: { permitId: permit.id, spaceId: permit.spaceId, readingId: row.id, pass: reading.pass, at: now },
            },
            { name: 'permits.changed', payload: { permitId: permit.id, state: permit.state, at: now } },
          ],
        }
      })
    },
  }
}
