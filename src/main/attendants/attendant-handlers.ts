import { eq } from 'drizzle-orm'
import { isTerminal } from '../../shared/domain/permit-lifecycle'
import { DomainError, notFound, preconditionFailed, refuseIf } from '../core/domain-error'
import { dutyChangeRefusal } from '../../shared/domain/record-rules'
import type { HandlersFor } from '../core/handler-types'
import type { Commit } from '../core/unit-of-work'
import type { Db } from '../db/database'
import { attendantAssignments } from '../db/schema'
import { actorOf } from '../identity/principal'
import { findUserById, rolesOf } from '../identity/user-repository'
import { addTimeline, attendantsOf, requirePermit } from '../permits/permit-repository'
import { toAttendantDto } from '../permits/permit-views'
import { permitsWithPersonInside } from '../entries/presence'
import { namedPersonKey, userPersonKey } from '../permits/person-key'

export function createAttendantHandlers(db: Db, commit: Commit): HandlersFor<'attendants'> {
  return {
    'attendants.roster': (input) => {
      requirePermit(db, input.permitId)
      return attendantsOf(db, [input.permitId]).map((a) => toAttendantDto(a.assignment, a.fullName))
    },

    'attendants.assign': (input, ctx) =>
      commit(actorOf(ctx.principal), (tx, now) => {
        const permit = requirePermit(tx, input.permitId)
        if (isTerminal(permit.state))
          throw preconditionFailed(`${permit.number} is ${permit.state}; it needs no attendants.`)
        const user = findUserById(tx, input.userId)
        if (!user || !user.active || !rolesOf(tx, user.id).includes('attendant')) {
          throw new DomainError('VALIDATION', 'userId must be an active account with the attendant role.', [
            { field: 'userId', rule: 'attendant', message: 'must be an active account with the attendant role' },
          ])
        }
        const row = tx
          .insert(attendantAssignments)
          .values({ ...input, status: 'assigned', updatedAt: now })
          .returning()
          .get()
        addTimeline(tx, {
          permitId: permit.id,
          actor: actorOf(ctx.principal),
          at: now,
          kind: 'attendant_assigned',
          note: `${user.displayName}, ${input.shiftName}`,
        })
        const dto = toAttendantDto(row, user.displayName)
        return {
          value: dto,
          audit: { action: 'attendant.assigned', entityType: 'permit', entityId: permit.id, after: dto },
          events: [{ name: 'permits.changed', payload: { permitId: permit.id, state: permit.state, at: now } }],
        }
      }),

    'attendants.setStatus': (input, ctx) =>
      commit(actorOf(ctx.principal), (tx, now) => {
        const row = tx.select().from(attendantAssignments).where(eq(attendantAssignments.id, input.assignmentId)).get()
        if (!row) throw notFound(`There is no attendant assignment with id ${input.assignmentId}.`)
        refuseIf(dutyChangeRefusal(ctx.principal, row))
        const permit = requirePermit(tx, row.permitId)
        if (input.status === 'on_duty' && isTerminal(permit.state)) {
          throw preconditionFailed(`${permit.number} is ${permit.state}; nobody can go on duty for it.`)
        }
        if (input.status === 'on_duty' && row.shiftEnd <= now) {
          throw preconditionFailed('This shift has already ended; assign a new shift instead.')
        }
        // 1910.146(i)(4): an attendant keeps watch from outside, so nobody inside goes on duty.
        const attendantName = findUserById(tx, row.userId)?.displayName ?? ''
        // Inside under their account, or under their name as a contractor would be.
        const insideAnywhere = [userPersonKey(row.userId), namedPersonKey(attendantName)].some(
          (key) => permitsWithPersonInside(tx, key).length > 0,
        )
        if (input.status === 'on_duty' && insideAnywhere) {
          throw preconditionFailed(
            `${attendantName || 'This attendant'} is recorded inside a confined space; an attendant goes on duty only from outside. Log their exit first.`,
          )
        }
        const updated = tx
          .update(attendantAssignments)
          .set({ status: input.status, updatedAt: now })
          .where(eq(attendantAssignments.id, row.id))
          .returning()
          .get()
        addTimeline(tx, {
          permitId: permit.id,
          actor: actorOf(ctx.principal),
          at: now,
          kind: input.status === 'on_duty' ? 'attendant_on_duty' : 'attendant_relieved',
          note: attendantName,
        })
        return {
          value: toAttendantDto(updated, attendantName),
          audit: {
            action: `attendant.${input.status}`,
            entityType: 'permit',
            entityId: permit.id,
            before: { assignmentId: row.id, status: row.status },
            after: { assignmentId: row.id, status: input.status },
          },
          events: [{ name: 'permits.changed', payload: { permitId: permit.id, state: permit.state, at: now } }],
        }
      }),
  }
}
