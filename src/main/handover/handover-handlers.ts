import { desc, eq } from 'drizzle-orm'
import type { HandoverDto, HandoverReportDto } from '../../shared/contract/handover'
import type { Clock } from '../core/clock'
import { conflict, notFound, refuseIf } from '../core/domain-error'
import { acknowledgementRefusal } from '../../shared/domain/record-rules'
import type { HandlersFor } from '../core/handler-types'
import { checkpointFor, takeCheckpoint } from '../audit/checkpoint-service'
import type { SigningKey } from '../audit/signing-key'
import type { Commit } from '../core/unit-of-work'
import type { Db } from '../db/database'
import { handovers, users } from '../db/schema'
import { actorOf } from '../identity/principal'
import type { SignatureVerifier } from '../identity/signature'
import { draftHandover } from './handover-report'

function toHandoverDto(db: Db, row: typeof handovers.$inferSelect): HandoverDto {
  const name = (id: number | null) =>
    id === null ? null : (db.select({ n: users.displayName }).from(users).where(eq(users.id, id)).get()?.n ?? null)
  return {
    id: row.id,
    report: row.report as HandoverReportDto,
    notes: row.notes,
    outgoingId: row.outgoingId,
    outgoing: name(row.outgoingId) ?? '',
    signedAt: row.signedAt,
    incoming: name(row.incomingId),
    acknowledgedAt: row.acknowledgedAt,
    checkpoint: checkpointFor(db, 'handover', String(row.id)),
  }
}

export function createHandoverHandlers(deps: {
  db: Db
  commit: Commit
  clock: Clock
  signatures: SignatureVerifier
  signingKey: SigningKey
}): HandlersFor<'handover'> {
  const { db, commit, clock, signatures, signingKey } = deps
  return {
    'handover.draft': (input) => draftHandover(db, clock.now(), input.siteId, input.shiftHours),

    'handover.list': (input) =>
      db
        .select()
        .from(handovers)
        .orderBy(desc(handovers.signedAt))
        .limit(input.limit)
        .all()
        .map((row) => toHandoverDto(db, row)),

    'handover.sign': async (input, ctx) => {
      await signatures.verify(ctx.principal, input.password, 'sign the shift handover')
      return commit(actorOf(ctx.principal), (tx, now) => {
        // The report is drawn up again inside the transaction, so what is signed is what was true.
        const report = draftHandover(tx, now, input.siteId, input.shiftHours)
        const row = tx
          .insert(handovers)
          .values({
            siteId: input.siteId ?? null,
            report,
            notes: input.notes,
            outgoingId: ctx.principal.userId,
            signedAt: now,
          })
          .returning()
          .get()
        // The trail as it stood at the signing, signed: printed on the handover, checkable ever after.
        takeCheckpoint(tx, signingKey, 'handover', String(row.id), now)
        return {
          value: toHandoverDto(tx, row),
          audit: {
            action: 'handover.signed',
            entityType: 'handover',
            entityId: row.id,
            after: {
              permits: report.activePermits.length,
              peopleInside: report.peopleInside,
              alarms: report.openAlarms.length,
            },
          },
          events: [{ name: 'handovers.changed', payload: { handoverId: row.id, at: now } }],
        }
      })
    },

    'handover.acknowledge': async (input, ctx) => {
      const existing = db.select().from(handovers).where(eq(handovers.id, input.handoverId)).get()
      if (!existing) throw notFound(`There is no handover with id ${input.handoverId}.`)
      // The acknowledgement is of the report the incoming supervisor read: the one signed at that time.
      if (existing.signedAt !== input.signedAt)
        throw conflict(`Handover ${input.handoverId} was not signed at the time shown; reload it and read it again.`)
      refuseIf(acknowledgementRefusal(ctx.principal, existing))
      await signatures.verify(ctx.principal, input.password, `acknowledge handover ${input.handoverId}`)
      return commit(actorOf(ctx.principal), (tx, now) => {
        const row = tx.select().from(handovers).where(eq(handovers.id, input.handoverId)).get()
        if (!row) throw notFound(`There is no handover with id ${input.handoverId}.`)
        // Again under the write lock: another supervisor may have acknowledged it meanwhile.
        refuseIf(acknowledgementRefusal(ctx.principal, row))
        const updated = tx
          .update(handovers)
          .set({ incomingId: ctx.principal.userId, acknowledgedAt: now })
          .where(eq(handovers.id, row.id))
          .returning()
          .get()
        return {
          value: toHandoverDto(tx, updated),
          audit: {
            action: 'handover.acknowledged',
            entityType: 'handover',
            entityId: row.id,
            after: { handoverId: row.id, signedAt: row.signedAt },
          },
          events: [{ name: 'handovers.changed', payload: { handoverId: row.id, at: now } }],
        }
      })
    },
  }
}
