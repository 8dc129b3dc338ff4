import { and, desc, eq, inArray, ne } from 'drizzle-orm'
import type { PersonRef } from '../../shared/contract/permits'
import type { ParsedInput, ProcedureOutput } from '../../shared/contract/procedures'
import type { EventMessage } from '../../shared/contract/events'
import type { EntryCondition } from '../../shared/domain/entry-interlock'
import { applyEvent, decideEntry, decideExit } from '../../shared/domain/entry-interlock'
import { isTerminal } from '../../shared/domain/permit-lifecycle'
import { decisiveTestOf } from '../atmosphere/reading-repository'
import type { Clock } from '../core/clock'
import type { DomainError } from '../core/domain-error'
import { notFound, preconditionFailed } from '../core/domain-error'
import type { Commit } from '../core/unit-of-work'
import type { Db } from '../db/database'
import { entryEvents, permits as permitsTable } from '../db/schema'
import { openEvacuationsByPermit } from '../evacuations/evacuation-repository'
import { blocksEntry, unresolvedAlarmsOf } from '../alarms/alarm-repository'
import { reopenRollCall, tickRollCall } from '../evacuations/roll-call'
import { actorOf } from '../identity/principal'
import type { Principal } from '../identity/principal'
import { findUserById } from '../identity/user-repository'
import { personKeyOf, userPersonKey } from '../permits/person-key'
import {
  addTimeline,
  attendantsOf,
  attendantsOnDutyNamed,
  conditionsOf,
  entrantsOf,
  keepsWatch,
  permitsWatchedBy,
  requirePermit,
} from '../permits/permit-repository'
import type { PermitRow } from '../permits/permit-repository'
import type { PermitService } from '../permits/permit-service'
import { findSite } from '../sites/site-repository'
import { findSpace } from '../spaces/space-repository'
import { insideOf } from './presence'
import { entrantGrantConditions, touchEntrantGrant } from '../access/entry-grant'

const minutes = 60_000

type EntryOutcome = { refusal: DomainError } | { accepted: ProcedureOutput<'entries.recordEntry'> }

/** Conditions beyond the permit's own, for this space (access governance adds its grant condition beside them). */
function spaceConditions(
  space: { tag: string; status: string; retiredAt: number | null },
  stoppedBy: readonly { number: string; state: string }[],
  gasAlarms: readonly { message: string }[],
): EntryCondition[] {
  return [
    {
      // A monitor's reading outside the conditions blocks entry just as a failing test does.
      code: 'no_gas_alarm',
      describe: 'No monitor on this permit is in gas alarm, and no alarm that suspended it is unresolved.',
      unmet: () =>
        gasAlarms.length === 0
          ? null
          : `A gas alarm is open on this permit: ${gasAlarms.map((alarm) => alarm.message).join('; ')}.`,
    },
    {
      // One space, one atmosphere: an evacuation or suspension under any permit stops every entry into it.
      code: 'space_not_stopped',
      describe: 'No other permit on this space is suspended or under an evacuation order.',
      unmet: () =>
        stoppedBy.length === 0
          ? null
          : `${space.tag} is stopped under ${stoppedBy.map((p) => `${p.number} (${p.state})`).join(', ')}; nobody enters it until that is resolved.`,
    },
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

/** Other permits on the same space that are suspended, or whose evacuation roll call is still running. */
function stoppedSiblings(tx: Db, permit: PermitRow) {
  const siblings = tx
    .select({ id: permitsTable.id, number: permitsTable.number, state: permitsTable.state })
    .from(permitsTable)
    .where(
      and(
        eq(permitsTable.spaceId, permit.spaceId),
        ne(permitsTable.id, permit.id),
        inArray(permitsTable.state, ['authorized', 'active', 'suspended']),
      ),
    )
    .all()
  const evacuating = openEvacuationsByPermit(
    tx,
    siblings.map((sibling) => sibling.id),
  )
  return siblings
    .filter((sibling) => sibling.state === 'suspended' || evacuating.has(sibling.id))
    .map((sibling) => ({ number: sibling.number, state: evacuating.has(sibling.id) ? 'evacuating' : sibling.state }))
}

export function createEntryService(deps: { db: Db; commit: Commit; clock: Clock; permits: PermitService }) {
  const { commit, permits } = deps

  function personOf(tx: Db, ref: PersonRef, permitId: number) {
    const key = personKeyOf(ref)
    if ('userId' in ref) {
      const user = findUserById(tx, ref.userId)
      if (!user) throw notFound(`There is no user with id ${ref.userId}.`)
      return { key, name: user.displayName, userId: user.id, accountActive: user.active }
    }
    // A named person keeps the spelling the permit lists them under, when it does.
    const listed = entrantsOf(tx, permitId).find((e) => e.personKey === key)
    return { key, name: listed?.name ?? ref.name, userId: null, accountActive: null }
  }

  const watching = (tx: Db, permit: PermitRow, now: number) =>
    attendantsOf(tx, [permit.id]).filter((a) => keepsWatch(a, now))

  function insertEvent(
    tx: Db,
    permit: PermitRow,
    kind: 'entry' | 'exit',
    person: { key: string; name: string },
    principal: Principal,
    now: number,
    notes: string,
    correctsId: number | null = null,
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
        attendantAssignmentId: watching(tx, permit, now)[0]?.assignment.id ?? null,
        notes,
        recordedById: principal.userId,
        correctsId,
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
        // Someone entering under a name that is an on-duty attendant's is that attendant (1910.146(i)(4)).
        const sameAsAttendant = person.userId === null ? attendantsOnDutyNamed(tx, person.name, now) : []
        const aliasKeys = sameAsAttendant.map((a) => userPersonKey(a.userId))
        const decision = decideEntry(
          {
            now,
            permit: { state: permit.state, validFrom: permit.validFrom, validTo: permit.validTo },
            person: {
              key: person.key,
              accountActive: person.accountActive,
              attendantOnDutyOn:
                person.userId === null
                  ? [...new Set(sameAsAttendant.flatMap((a) => a.numbers))].sort()
                  : permitsWatchedBy(tx, person.userId, now),
            },
            authorizedEntrantKeys: entrantsOf(tx, permit.id).map((e) => e.personKey),
            // An attendant who is the one entering will not be outside.
            attendantOnDutyKeys: watching(tx, permit, now)
              .map((a) => userPersonKey(a.assignment.userId))
              .filter((key) => !aliasKeys.includes(key)),
            latestCompleteTest: decisiveTestOf(tx, permit),
            resumedAt: permit.resumedAt,
            conditions: conditionsOf(permit),
            maxTestAgeMs: site.maxTestAgeMinutes * minutes,
            peopleInsideKeys: inside.map((p) => p.key),
          },
          [
            ...spaceConditions(
              space,
              stoppedSiblings(tx, permit),
              // Tests are judged by the decisive test; monitors by their alarms.
              unresolvedAlarmsOf(tx, permit.id).filter((alarm) => blocksEntry(alarm) && alarm.sourceKey !== 'tests'),
            ),
            ...entrantGrantConditions(tx, site, space, person, now),
          ],
        )
        if (!decision.allowed) {
          const refusal = preconditionFailed(
            `Entry refused for ${person.name} into ${space.tag} on ${permit.number}: ${decision.unmet.map((u) => u.message).join(' ')}`,
            decision.unmet,
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
        if (person.userId !== null) touchEntrantGrant(tx, person.userId, space.id, now)
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
        const rollCall = tickRollCall(tx, permit.id, person.key, actorOf(principal), now)
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
            after: {
              person: person.name,
              personKey: person.key,
              headcount,
              warning,
              ...(rollCall.completed.length > 0 ? { rollCallsCompleted: rollCall.completed } : {}),
            },
          },
          events: [...changed(permit, headcount, now), ...rollCall.events],
        }
      })
    },

    /**
     * An exit logged by mistake: a new record puts the person back inside (under-counting is the
     * dangerous direction). Only the person's latest record can be corrected, and only an exit;
     * nothing already recorded is changed, and the interlock is not asked, because the person
     * never left.
     */
    correctExit(principal: Principal, input: ParsedInput<'entries.correctExit'>) {
      return commit(actorOf(principal), (tx, now) => {
        const permit = requirePermit(tx, input.permitId)
        if (isTerminal(permit.state)) {
          throw preconditionFailed(
            `${permit.number} is ${permit.state}: everyone was recorded out when it ended. If someone is still inside, that is an emergency: summon the rescue service named on the permit.`,
          )
        }
        const exit = tx
          .select()
          .from(entryEvents)
          .where(and(eq(entryEvents.id, input.exitId), eq(entryEvents.permitId, permit.id)))
          .get()
        if (!exit) throw notFound(`There is no record ${input.exitId} on ${permit.number}.`)
        if (exit.kind !== 'exit') throw preconditionFailed(`Record ${exit.id} is an entry, not an exit.`)
        const [latest, before] = tx
          .select({ id: entryEvents.id, kind: entryEvents.kind })
          .from(entryEvents)
          .where(and(eq(entryEvents.permitId, permit.id), eq(entryEvents.personKey, exit.personKey)))
          .orderBy(desc(entryEvents.id))
          .limit(2)
          .all()
        if (latest?.id !== exit.id) {
          throw preconditionFailed(
            `${exit.personName} has a later entry or exit on ${permit.number}; only their latest exit can be corrected.`,
          )
        }
        // Undoing an exit restores what was true before it; it never lets in someone who was not inside.
        if (before?.kind !== 'entry') {
          throw preconditionFailed(
            `${exit.personName} was not recorded inside before that exit, so there is nothing to correct. An entry goes through the entry checks.`,
          )
        }
        const actor = actorOf(principal)
        const person = { key: exit.personKey, name: exit.personName }
        const note = `Exit logged by mistake, corrected: still inside. ${input.reason}`
        const event = insertEvent(tx, permit, 'entry', person, principal, now, note, exit.id)
        addTimeline(tx, {
          permitId: permit.id,
          actor,
          at: now,
          kind: 'exit_corrected',
          note: `${exit.personName} is still inside: the exit logged by mistake was corrected. ${input.reason}`,
        })
        const rollCall = reopenRollCall(tx, permit.id, exit.personKey, exit.at, actor, now)
        const headcount = insideOf(tx, permit.id).length
        return {
          value: {
            id: event.id,
            permitId: permit.id,
            kind: 'entry' as const,
            personKey: person.key,
            personName: person.name,
            at: now,
            headcount,
            warning: null,
          },
          audit: {
            action: 'exit.corrected',
            entityType: 'permit',
            entityId: permit.id,
            before: { exitId: exit.id, exitAt: exit.at },
            after: {
              person: person.name,
              personKey: person.key,
              reason: input.reason,
              headcount,
              ...(rollCall.reopened.length > 0 ? { rollCallsReopened: rollCall.reopened } : {}),
            },
          },
          events: [...changed(permit, headcount, now), ...rollCall.events],
        }
      })
    },
  }
}

export type EntryService = ReturnType<typeof createEntryService>
