import { and, eq, isNull } from 'drizzle-orm'
import type { PersonRef } from '../../shared/contract/permits'
import type { ParsedInput, ProcedureOutput } from '../../shared/contract/procedures'
import type { EventMessage } from '../../shared/contract/events'
import type { EntryCondition } from '../../shared/domain/entry-interlock'
import { applyEvent, decideEntry, decideExit } from '../../shared/domain/entry-interlock'
import { latestCompleteTest } from '../atmosphere/reading-repository'
import type { Clock } from '../core/clock'
import { DomainError, notFound } from '../core/domain-error'
import type { Commit } from '../core/unit-of-work'
import type { Db } from '../db/database'
import { entryEvents, evacuationRollCall, evacuations } from '../db/schema'
import { actorOf } from '../identity/principal'
import type { Principal } from '../identity/principal'
import { findUserById } from '../identity/user-repository'
import { personKeyOf } from '../permits/person-key'
import { attendantsOf, conditionsOf, entrantsOf, isOnDuty, requirePermit } from '../permits/permit-repository'
import type { PermitRow } from '../permits/permit-repository'
import type { PermitService } from '../permits/permit-service'
import { findSite } from '../sites/site-repository'
import { findSpace } from '../spaces/space-repository'
import { insideOf } from './presence'

const minutes = 60_000

type EntryOutcome = { refusal: DomainError } | { accepted: ProcedureOutput<'entries.recordEntry'> }

/**
 * Conditions beyond the permit's own, for this space. Access governance will add its
 * "valid grant for space:<tag>" the same way.
 */
function spaceConditions(space: { tag: string; status: string; retiredAt: number | null }): EntryCondition[] {
  return [
    {
      code: 'space_in_service',
      describe: 'The space is in service.',
      unmet: () =>
        space.retiredAt !== null
          ? `${space.tag} is retired.`
          : space.status === 'out_of_service'
            ? `${space.tag} is out of service.`
            : null,
    },
  ]
}

export function createEntryService(deps: { db: Db; commit: Commit; clock: Clock; permits: PermitService }) {
  const { commit, permits } = deps

  function personOf(tx: Db, ref: PersonRef, permitId: number) {
    const key = personKeyOf(ref)
    if ('userId' in ref) {
      const user = findUserById(tx, ref.userId)
      if (!user) throw notFound(`There is no user with id ${ref.userId}.`)
      return { key, name: user.displayName }
    }
    // A named person keeps the spelling the permit lists them under, when it does.
    const listed = entrantsOf(tx, permitId).find((e) => e.personKey === key)
    return { key, name: listed?.name ?? ref.name }
  }

  function onDutyAssignment(tx: Db, permit: PermitRow, now: number) {
    return attendantsOf(tx, [permit.id]).find((a) => isOnDuty(a.assignment, now))?.assignment ?? null
  }

  function insertEvent(
    tx: Db,
    permit: PermitRow,
    kind: 'entry' | 'exit',
    person: { key: string; name: string },
    principal: Principal,
    now: number,
    notes: string,
  ) {
    return tx
      .insert(entryEvents)
      .values({
        permitId: permit.id,
        spaceId: permit.spaceId,
        kind,
        personKey: person.key,
        personName: person.name,
        at: now,
        attendantAssignmentId: onDutyAssignment(tx, permit, now)?.id ?? null,
        notes,
        recordedById: principal.userId,
      })
      .returning()
      .get()
  }

  const changed = (permit: PermitRow, headcount: number, now: number): EventMessage[] => [
    { name: 'entries.changed', payload: { permitId: permit.id, spaceId: permit.spaceId, headcount, at: now } },
    { name: 'permits.changed', payload: { permitId: permit.id, state: permit.state, at: now } },
  ]

  return {
    recordEntry(principal: Principal, input: ParsedInput<'entries.recordEntry'>) {
      // A refusal is itself a safety record (the attendant warned someone off), so it is
      // audited in its own transaction and then reported; nothing else is written.
      const outcome = commit<EntryOutcome>(actorOf(principal), (tx, now) => {
        const permit = requirePermit(tx, input.permitId)
        const space = findSpace(tx, permit.spaceId)
        const site = findSite(tx, permit.siteId)
        if (!space || !site) throw notFound(`The space or site of ${permit.number} no longer exists.`)
        const person = personOf(tx, input.person, permit.id)
        const inside = insideOf(tx, permit.id)
        const decision = decideEntry(
          {
            now,
            permit: { state: permit.state, validFrom: permit.validFrom, validTo: permit.validTo },
            person: { key: person.key },
            authorizedEntrantKeys: entrantsOf(tx, permit.id).map((e) => e.personKey),
            attendantsOnDuty: attendantsOf(tx, [permit.id]).filter((a) => isOnDuty(a.assignment, now)).length,
            latestCompleteTest: latestCompleteTest(tx, permit.id),
            conditions: conditionsOf(permit),
            maxTestAgeMs: site.maxTestAgeMinutes * minutes,
            peopleInsideKeys: inside.map((p) => p.key),
          },
          spaceConditions(space),
        )
        if (!decision.allowed) {
          const lines = decision.unmet.map((u) => `- ${u.message}`)
          const refusal = new DomainError(
            'PRECONDITION_FAILED',
            [`Entry refused for ${person.name} into ${space.tag} on ${permit.number}:`, ...lines].join('\n'),
          )
          return {
            value: { refusal },
            audit: {
              action: 'entry.refused',
              entityType: 'permit',
              entityId: permit.id,
              after: { person: person.name, personKey: person.key, unmet: decision.unmet.map((u) => u.code) },
            },
          }
        }
        const event = insertEvent(tx, permit, 'entry', person, principal, now, input.notes)
        // The first accepted entry makes an authorized permit active.
        const current =
          permit.state === 'authorized'
            ? permits.applyAction(tx, permit, 'activate', actorOf(principal), now, {
                reason: `First entry: ${person.name}`,
              })
            : permit
        const headcount = applyEvent(
          inside.map((p) => p.key),
          { kind: 'entry', key: person.key },
        ).length
        return {
          value: {
            accepted: {
              id: event.id,
              permitId: permit.id,
              kind: 'entry' as const,
              personKey: person.key,
              personName: person.name,
              at: now,
              headcount,
              warning: null,
            },
          },
          audit: {
            action: 'entry.recorded',
            entityType: 'permit',
            entityId: permit.id,
            after: { person: person.name, personKey: person.key, headcount },
          },
          events: changed(current, headcount, now),
        }
      })
      if ('refusal' in outcome) throw outcome.refusal
      return outcome.accepted
    },

    /** 1910.146: exit is never blocked. Whatever the permit's state, the exit is recorded. */
    recordExit(principal: Principal, input: ParsedInput<'entries.recordExit'>) {
      return commit(actorOf(principal), (tx, now) => {
        const permit = requirePermit(tx, input.permitId)
        const person = personOf(tx, input.person, permit.id)
        const inside = insideOf(tx, permit.id)
        const decision = decideExit({ person: { key: person.key }, peopleInsideKeys: inside.map((p) => p.key) })
        const warning = decision.warning ?? null
        const notes = [input.notes, warning].filter(Boolean).join(' / ')
        const event = insertEvent(tx, permit, 'exit', person, principal, now, notes)
        const headcount = applyEvent(
          inside.map((p) => p.key),
          { kind: 'exit', key: person.key },
        ).length
        const evacuationEvents = tickRollCall(tx, permit.id, person.key, now)
        return {
          value: {
            id: event.id,
            permitId: permit.id,
            kind: 'exit' as const,
            personKey: person.key,
            personName: person.name,
            at: now,
            headcount,
            warning,
          },
          audit: {
            action: 'exit.recorded',
            entityType: 'permit',
            entityId: permit.id,
            after: { person: person.name, personKey: person.key, headcount, warning },
          },
          events: [...changed(permit, headcount, now), ...evacuationEvents],
        }
      })
    },
  }
}

/** Ticks the person off every running roll call for this permit; clears evacuations that are done. */
function tickRollCall(tx: Db, permitId: number, personKey: string, now: number): EventMessage[] {
  const calls = tx
    .select({ call: evacuationRollCall })
    .from(evacuationRollCall)
    .innerJoin(evacuations, eq(evacuations.id, evacuationRollCall.evacuationId))
    .where(
      and(
        eq(evacuationRollCall.permitId, permitId),
        eq(evacuationRollCall.personKey, personKey),
        isNull(evacuationRollCall.exitedAt),
        isNull(evacuations.clearedAt),
      ),
    )
    .all()
  const events: EventMessage[] = []
  for (const { call } of calls) {
    tx.update(evacuationRollCall).set({ exitedAt: now }).where(eq(evacuationRollCall.id, call.id)).run()
    const remaining = tx
      .select({ id: evacuationRollCall.id })
      .from(evacuationRollCall)
      .where(and(eq(evacuationRollCall.evacuationId, call.evacuationId), isNull(evacuationRollCall.exitedAt)))
      .all().length
    if (remaining === 0)
      tx.update(evacuations).set({ clearedAt: now }).where(eq(evacuations.id, call.evacuationId)).run()
    events.push({
      name: 'evacuations.changed',
      payload: { evacuationId: call.evacuationId, cleared: remaining === 0, at: now },
    })
  }
  return events
}

export type EntryService = ReturnType<typeof createEntryService>
