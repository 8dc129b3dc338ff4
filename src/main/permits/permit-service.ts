import { and, eq, inArray, lte } from 'drizzle-orm'
import type { ParsedInput } from '../../shared/contract/procedures'
import type { PermitAction, PermitState } from '../../shared/domain/permit-lifecycle'
import { expiryDue, isTerminal, transition } from '../../shared/domain/permit-lifecycle'
import type { EventMessage } from '../../shared/contract/events'
import type { Actor } from '../audit/audit-repository'
import type { Clock } from '../core/clock'
import { DomainError, forbidden, preconditionFailed } from '../core/domain-error'
import type { Commit } from '../core/unit-of-work'
import type { Db } from '../db/database'
import { permitEntrants, permits } from '../db/schema'
import { insideOf } from '../entries/presence'
import type { SignatureVerifier } from '../identity/signature'
import { actorOf, systemActor } from '../identity/principal'
import type { Principal } from '../identity/principal'
import { authorizationStatement } from '../../shared/domain/authorization-statement'
import { findUserById, rolesOf } from '../identity/user-repository'
import { findSpace } from '../spaces/space-repository'
import { unresolvedAlarmsOf } from '../alarms/alarm-repository'
import { lastReadingId } from '../atmosphere/reading-repository'
import { resolvePermitFields } from './permit-fields'
import { addTimeline, endDutyOf, nextPermitNumber, requirePermit, setPermitState } from './permit-repository'
import type { PermitRow } from './permit-repository'
import { buildDetail } from './permit-views'

const changed = (permitId: number, state: PermitState, at: number): EventMessage => ({
  name: 'permits.changed',
  payload: { permitId, state, at },
})

/** Refuses an authorization while an isolation or control measure is neither done nor confirmed by the signer. */
function refuseUnconfirmedMeasures(permit: PermitRow, confirmed: readonly string[]) {
  const open = permit.isolationMeasures.filter((m) => !m.done && !confirmed.includes(m.measure)).map((m) => m.measure)
  if (open.length > 0)
    throw preconditionFailed(
      `${permit.number}: these isolation and control measures are not done yet: ${open.join('; ')}. Confirm each is in place to authorize.`,
      open.map((measure) => ({ code: 'measure_not_done', message: `${measure} is not done.` })),
    )
}

export function createPermitService(deps: { db: Db; commit: Commit; clock: Clock; signatures: SignatureVerifier }) {
  const { db, commit, clock, signatures } = deps

  function writeFields(
    tx: Db,
    permitId: number | null,
    input: ParsedInput<'permits.create'>,
    principal: Principal,
    now: number,
  ) {
    const resolved = resolvePermitFields(tx, input, now)
    const values = {
      siteId: resolved.site.id,
      spaceId: resolved.space.id,
      purpose: input.purpose,
      validFrom: input.validFrom,
      validTo: input.validTo,
      entrySupervisorId: input.entrySupervisorId,
      hazards: input.hazards,
      isolationMeasures: input.isolationMeasures,
      limitProfile: resolved.limitProfile,
      ...resolved.conditions,
      rescueService: input.rescueService,
      rescueContact: input.rescueContact,
      communicationMethod: input.communicationMethod,
      equipment: input.equipment,
      otherSafetyInfo: input.otherSafetyInfo,
      relatedPermits: input.relatedPermits,
      updatedAt: now,
    }
    let id = permitId
    if (id === null) {
      const number = nextPermitNumber(tx, resolved.site.code, new Date(now).getUTCFullYear())
      id = tx
        .insert(permits)
        .values({ ...values, number, createdById: principal.userId, createdAt: now })
        .returning({ id: permits.id })
        .get().id
    } else {
      const current = requirePermit(tx, id)
      tx.update(permits)
        .set({ ...values, version: current.version + 1 })
        .where(eq(permits.id, id))
        .run()
      tx.delete(permitEntrants).where(eq(permitEntrants.permitId, id)).run()
    }
    tx.insert(permitEntrants)
      .values(resolved.entrants.map((e) => ({ permitId: id, personKey: e.personKey, userId: e.userId, name: e.name })))
      .run()
    return requirePermit(tx, id)
  }

  /** Applies one lifecycle action inside a transaction, with its timeline row; returns the new row. */
  function applyAction(
    tx: Db,
    permit: PermitRow,
    action: PermitAction,
    actor: Actor,
    now: number,
    details: { reason?: string; closeOutNotes?: string; extra?: Partial<PermitRow> } = {},
  ): PermitRow {
    const inside = insideOf(tx, permit.id)
    const result = transition(permit.state, action, {
      peopleInside: inside.length,
      namesInside: inside.map((person) => person.name),
      latchedAlarms: unresolvedAlarmsOf(tx, permit.id).filter((alarm) => alarm.latched).length,
      now,
      validTo: permit.validTo,
      ...(details.reason !== undefined ? { reason: details.reason } : {}),
      ...(details.closeOutNotes !== undefined ? { closeOutNotes: details.closeOutNotes } : {}),
    })
    if (!result.ok) throw preconditionFailed(`${permit.number}: ${result.reason}`, result.problems)
    setPermitState(tx, permit, result.next, now, {
      ...details.extra,
      ...(action === 'close' ? { closeOutNotes: details.closeOutNotes ?? null } : {}),
      // 1926.1205(e)(2): from now on only a test taken after this moment counts for entry.
      ...(action === 'resume' ? { resumedAt: now, resumedAfterReadingId: lastReadingId(tx) } : {}),
    })
    addTimeline(tx, {
      permitId: permit.id,
      actor,
      at: now,
      kind: action,
      fromState: permit.state,
      toState: result.next,
      note: details.closeOutNotes ?? details.reason ?? '',
    })
    if (isTerminal(result.next)) {
      const relieved = endDutyOf(tx, permit.id, now)
      if (relieved.length > 0) {
        addTimeline(tx, { permitId: permit.id, actor, at: now, kind: 'duty_ended', note: relieved.join(', ') })
      }
    }
    return requirePermit(tx, permit.id)
  }

  function detailCommit(
    principal: Principal,
    work: (tx: Db, now: number) => { permit: PermitRow; action: string; before?: unknown; after?: unknown },
  ) {
    return commit(actorOf(principal), (tx, now) => {
      const { permit, action, before, after } = work(tx, now)
      return {
        value: buildDetail(tx, permit, now),
        audit: {
          action,
          entityType: 'permit',
          entityId: permit.id,
          before,
          after: after ?? { number: permit.number, state: permit.state },
        },
        events: [changed(permit.id, permit.state, now)],
      }
    })
  }

  return {
    applyAction,

    get(permitId: number) {
      return buildDetail(db, requirePermit(db, permitId), clock.now())
    },

    create(principal: Principal, input: ParsedInput<'permits.create'>) {
      return detailCommit(principal, (tx, now) => {
        const permit = writeFields(tx, null, input, principal, now)
        addTimeline(tx, { permitId: permit.id, actor: actorOf(principal), at: now, kind: 'created', toState: 'draft' })
        return {
          permit,
          action: 'permit.created',
          after: { number: permit.number, spaceId: permit.spaceId, state: permit.state },
        }
      })
    },

    update(principal: Principal, input: ParsedInput<'permits.update'>) {
      return detailCommit(principal, (tx, now) => {
        const current = requirePermit(tx, input.permitId)
        if (current.state !== 'draft') {
          throw preconditionFailed(
            `${current.number} is ${current.state.replace('_', ' ')}; only a draft can be edited. Return it to draft first.`,
          )
        }
        if (current.version !== input.version) {
          throw new DomainError(
            'CONFLICT',
            `${current.number} was changed by someone else since you opened it (version ${input.version}, now ${current.version}). Reload it and apply your changes again.`,
          )
        }
        const permit = writeFields(tx, current.id, input.fields, principal, now)
        addTimeline(tx, { permitId: permit.id, actor: actorOf(principal), at: now, kind: 'edited' })
        return {
          permit,
          action: 'permit.edited',
          before: { version: current.version },
          after: { version: permit.version },
        }
      })
    },

    transition(principal: Principal, input: ParsedInput<'permits.transition'>) {
      return detailCommit(principal, (tx, now) => {
        const before = requirePermit(tx, input.permitId)
        const permit = applyAction(tx, before, input.action, actorOf(principal), now, {
          ...(input.reason !== undefined ? { reason: input.reason } : {}),
          ...(input.closeOutNotes !== undefined ? { closeOutNotes: input.closeOutNotes } : {}),
        })
        return {
          permit,
          action: `permit.${input.action}`,
          before: { state: before.state },
          after: { state: permit.state, reason: input.reason ?? null, closeOutNotes: input.closeOutNotes ?? null },
        }
      })
    },

    /** 1910.146(f)(6): the entry supervisor signs; re-entering the password is the signature. */
    async authorize(principal: Principal, input: ParsedInput<'permits.authorize'>) {
      const draft = requirePermit(db, input.permitId)
      if (draft.entrySupervisorId !== principal.userId) {
        const named = findUserById(db, draft.entrySupervisorId)
        throw forbidden(
          `Only the entry supervisor named on ${draft.number} (${named?.displayName ?? 'unknown'}) may authorize it.`,
        )
      }
      // Before the password is asked for: a measure neither done nor confirmed by the signer refuses it.
      refuseUnconfirmedMeasures(draft, input.confirmedMeasures)
      await signatures.verify(principal, input.password, `authorize ${draft.number}`)
      return detailCommit(principal, (tx, now) => {
        const before = requirePermit(tx, input.permitId)
        refuseUnconfirmedMeasures(before, input.confirmedMeasures)
        const confirmed = before.isolationMeasures.filter((m) => !m.done).map((m) => m.measure)
        const space = findSpace(tx, before.spaceId)
        const statement = authorizationStatement({
          displayName: principal.displayName,
          username: principal.username,
          spaceTag: space?.tag ?? '',
          permitNumber: before.number,
          validFrom: before.validFrom,
          validTo: before.validTo,
        })
        const permit = applyAction(tx, before, 'authorize', actorOf(principal), now, {
          extra: {
            authorizedById: principal.userId,
            authorizedAt: now,
            signatureStatement: statement,
            // The signer confirmed these in the authorize dialog: they are done as of the signature.
            isolationMeasures: before.isolationMeasures.map((m) => ({ ...m, done: true })),
          },
        })
        return {
          permit,
          action: 'permit.authorized',
          before: { state: before.state },
          after: { state: permit.state, statement, confirmedMeasures: confirmed },
        }
      })
    },

    transferSupervisor(principal: Principal, input: ParsedInput<'permits.transferSupervisor'>) {
      return detailCommit(principal, (tx, now) => {
        const before = requirePermit(tx, input.permitId)
        if (before.state === 'closed' || before.state === 'cancelled') {
          throw preconditionFailed(`${before.number} is ${before.state}; its supervisor can no longer change.`)
        }
        const next = findUserById(tx, input.newSupervisorId)
        if (!next || !next.active || !rolesOf(tx, next.id).includes('supervisor')) {
          throw new DomainError(
            'VALIDATION',
            'newSupervisorId must be an active account with the site supervisor role.',
            [
              {
                field: 'newSupervisorId',
                rule: 'supervisor',
                message: 'must be an active account with the site supervisor role',
              },
            ],
          )
        }
        if (next.id === before.entrySupervisorId)
          throw preconditionFailed(`${next.displayName} is already the entry supervisor.`)
        tx.update(permits)
          .set({ entrySupervisorId: next.id, updatedAt: now, version: before.version + 1 })
          .where(eq(permits.id, before.id))
          .run()
        addTimeline(tx, {
          permitId: before.id,
          actor: actorOf(principal),
          at: now,
          kind: 'supervisor_transferred',
          note: `Entry supervisor now ${next.displayName}, who confirmed the entry conditions. ${input.note}`.trim(),
        })
        return {
          permit: requirePermit(tx, before.id),
          action: 'permit.supervisor_transferred',
          before: { entrySupervisorId: before.entrySupervisorId },
          after: { entrySupervisorId: next.id, conditionsConfirmed: true, note: input.note },
        }
      })
    },

    /** Moves every permit whose validity has ended to expired; run on a timer and at start-up. */
    expireDue(): number {
      const now = clock.now()
      const due = db
        .select()
        .from(permits)
        .where(and(inArray(permits.state, ['authorized', 'active', 'suspended']), lte(permits.validTo, now)))
        .limit(100)
        .all()
        .filter((permit) => expiryDue(permit.state, permit.validTo, now))
      let expired = 0
      for (const candidate of due) {
        try {
          commit(systemActor, (tx, at) => {
            // Re-read inside the transaction: another process may have closed it meanwhile.
            const current = requirePermit(tx, candidate.id)
            const permit = applyAction(tx, current, 'expire', systemActor, at, { reason: 'Validity ended.' })
            return {
              value: null,
              audit: {
                action: 'permit.expired',
                entityType: 'permit',
                entityId: permit.id,
                before: { state: current.state },
                after: { state: permit.state },
              },
              events: [changed(permit.id, permit.state, at)],
            }
          })
          expired += 1
        } catch (error) {
          if (!(error instanceof DomainError)) throw error
        }
      }
      return expired
    },
  }
}

export type PermitService = ReturnType<typeof createPermitService>
