import { randomBytes } from 'node:crypto'
import type { Role } from '../../shared/contract/roles'
import { defaultConditionsFor } from '../../shared/domain/limit-profiles'
import type { PermitState } from '../../shared/domain/permit-lifecycle'
import type { Actor } from '../audit/audit-repository'
import type { Db } from '../db/database'
import { attendantAssignments, entryEvents, gasReadings, permitEntrants, permits, sites, spaces } from '../db/schema'
import type { PasswordHasher } from '../identity/password-hasher'
import { findUserByUsername, insertUser } from '../identity/user-repository'
import { namedPersonKey } from '../permits/person-key'
import { profileOf } from '../permits/permit-fields'
import { addTimeline, nextPermitNumber } from '../permits/permit-repository'

const minute = 60_000
const hour = 60 * minute

export const demoSiteCode = 'DEMO'

/** Demo accounts cannot sign in: their passwords are random and never shown. */
export const demoPeople: { username: string; displayName: string; roles: Role[] }[] = [
  { username: 'demo.supervisor', displayName: 'Dana Reyes (demo supervisor)', roles: ['supervisor'] },
  { username: 'demo.attendant1', displayName: 'Sam Okafor (demo attendant)', roles: ['attendant'] },
  { username: 'demo.attendant2', displayName: 'Lee Novak (demo attendant)', roles: ['attendant'] },
]

const demoSpaces = [
  { tag: 'DEMO-TK-101', name: 'Crude storage tank 101', location: 'Tank farm, bay A' },
  { tag: 'DEMO-VS-204', name: 'Reactor vessel 204', location: 'Process unit 2' },
  { tag: 'DEMO-SW-310', name: 'Sewer junction 310', location: 'North yard manhole' },
  { tag: 'DEMO-PT-412', name: 'Sump pit 412', location: 'Pump house' },
  { tag: 'DEMO-SI-515', name: 'Grain silo 515', location: 'Silo row' },
  { tag: 'DEMO-BX-620', name: 'Valve box 620', location: 'Utility corridor' },
] as const

interface DemoPermit {
  space: number
  state: PermitState
  purpose: string
  from: number
  to: number
  entrants: string[]
  inside: string[]
  test: { ageMin: number; o2: number; lel: number; h2s: number; co: number } | null
  attendant: number | null
}

/** Password hashes are computed first: hashing is slow and must not sit inside the transaction. */
export async function demoPasswordHashes(hasher: PasswordHasher): Promise<string[]> {
  return Promise.all(demoPeople.map(() => hasher.hash(randomBytes(24).toString('base64url'))))
}

/** Writes the demo site inside the caller's transaction. Returns what it made. */
export function writeDemoSite(tx: Db, actor: Actor, now: number, hashes: string[]) {
  const site = tx
    .insert(sites)
    .values({
      code: demoSiteCode,
      name: 'Demo site (not real)',
      limitProfile: 'factory',
      maxTestAgeMinutes: 30,
      isDemo: true,
      createdAt: now,
      updatedAt: now,
    })
    .returning()
    .get()
  const people = demoPeople.map((person, index) => {
    const existing = findUserByUsername(tx, person.username)
    return (
      existing ??
      insertUser(
        tx,
        { username: person.username, displayName: person.displayName, passwordHash: hashes[index] ?? '' },
        person.roles,
        now,
      )
    )
  })
  const [supervisor, attendant1, attendant2] = people
  if (!supervisor || !attendant1 || !attendant2) throw new Error('demo people')
  const spaceIds = demoSpaces.map(
    (space) =>
      tx
        .insert(spaces)
        .values({
          ...space,
          siteId: site.id,
          hazardNotes: 'Demo data.',
          classification: 'permit_required',
          status: 'in_service',
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: spaces.id })
        .get().id,
  )
  const conditions = defaultConditionsFor(profileOf('factory'))
  const plan: DemoPermit[] = [
    {
      space: 0,
      state: 'active',
      purpose: 'Inspect tank floor welds',
      from: now - 2 * hour,
      to: now + 6 * hour,
      entrants: ['Ana Silva', 'Ben Carter', 'Chloe Martin'],
      inside: ['Ana Silva', 'Ben Carter'],
      test: { ageMin: 8, o2: 20.9, lel: 0, h2s: 0, co: 2 },
      attendant: 1,
    },
    {
      space: 1,
      state: 'active',
      purpose: 'Replace agitator seal',
      from: now - 3 * hour,
      to: now + 5 * hour,
      entrants: ['Dev Patel', 'Eva Brown'],
      inside: ['Dev Patel'],
      test: { ageMin: 55, o2: 20.6, lel: 2, h2s: 1, co: 8 },
      attendant: 2,
    },
    {
      space: 2,
      state: 'suspended',
      purpose: 'Clear blockage',
      from: now - 4 * hour,
      to: now + 4 * hour,
      entrants: ['Finn Walsh', 'Gia Romano'],
      inside: ['Finn Walsh'],
      test: { ageMin: 12, o2: 20.4, lel: 4, h2s: 12, co: 15 },
      attendant: null,
    },
    {
      space: 3,
      state: 'authorized',
      purpose: 'Pump impeller change',
      from: now - 30 * minute,
      to: now + 7 * hour,
      entrants: ['Hugo Lind'],
      inside: [],
      test: { ageMin: 5, o2: 20.9, lel: 0, h2s: 0, co: 0 },
      attendant: 1,
    },
    {
      space: 4,
      state: 'pending_authorization',
      purpose: 'Clean silo walls',
      from: now + hour,
      to: now + 9 * hour,
      entrants: ['Iris Chen', 'Jon Ek'],
      inside: [],
      test: null,
      attendant: null,
    },
    {
      space: 5,
      state: 'draft',
      purpose: 'Valve survey',
      from: now + 2 * hour,
      to: now + 6 * hour,
      entrants: ['Kai Mori'],
      inside: [],
      test: null,
      attendant: null,
    },
  ]
  const year = new Date(now).getUTCFullYear()
  for (const p of plan) {
    const spaceId = spaceIds[p.space]
    if (spaceId === undefined) continue
    const signed = p.state !== 'draft' && p.state !== 'pending_authorization'
    const permit = tx
      .insert(permits)
      .values({
        siteId: site.id,
        number: nextPermitNumber(tx, site.code, year),
        spaceId,
        purpose: p.purpose,
        validFrom: p.from,
        validTo: p.to,
        state: p.state,
        entrySupervisorId: supervisor.id,
        authorizedById: signed ? supervisor.id : null,
        authorizedAt: signed ? p.from : null,
        signatureStatement: signed ? 'Demo data: authorized by the demo loader, not by a person.' : null,
        hazards: ['Oxygen deficiency', 'Toxic gas (H2S)', 'Engulfment'],
        isolationMeasures: [
          { measure: 'Lockout/tagout of pumps and agitator', done: signed },
          { measure: 'Line blinds installed', done: signed },
          { measure: 'Forced-air ventilation running', done: signed },
        ],
        limitProfile: 'factory',
        ...conditions,
        rescueService: 'Site rescue team (demo)',
        rescueContact: 'Radio channel 3, or extension 5555',
        communicationMethod: 'Voice and radio; tug line as backup',
        equipment: ['4-gas monitor', 'Full-body harness and retrieval line', 'Tripod winch', 'Radios'],
        otherSafetyInfo: 'Demo data.',
        relatedPermits: [],
        createdById: supervisor.id,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .get()
    tx.insert(permitEntrants)
      .values(p.entrants.map((name) => ({ permitId: permit.id, personKey: namedPersonKey(name), userId: null, name })))
      .run()
    addTimeline(tx, {
      permitId: permit.id,
      actor,
      at: now,
      kind: 'demo_loaded',
      toState: p.state,
      note: 'Created by the demo loader.',
    })
    const attendant = p.attendant === 1 ? attendant1 : p.attendant === 2 ? attendant2 : null
    if (attendant) {
      tx.insert(attendantAssignments)
        .values({
          permitId: permit.id,
          userId: attendant.id,
          shiftName: 'Day shift',
          shiftStart: now - 4 * hour,
          shiftEnd: now + 8 * hour,
          status: 'on_duty',
          updatedAt: now,
        })
        .run()
    }
    if (p.test) {
      tx.insert(gasReadings)
        .values({
          takenAt: now - p.test.ageMin * minute,
          o2: p.test.o2,
          lel: p.test.lel,
          h2s: p.test.h2s,
          co: p.test.co,
          instrument: 'Demo 4-gas monitor SN-0001',
          takenByUserId: null,
          takenByName: 'Demo tester',
          permitId: permit.id,
          spaceId,
          kind: 'pre_entry',
          source: 'simulator',
          recordedAt: now,
        })
        .run()
    }
    p.inside.forEach((name, index) => {
      tx.insert(entryEvents)
        .values({
          permitId: permit.id,
          spaceId,
          kind: 'entry',
          personKey: namedPersonKey(name),
          personName: name,
          at: now - (40 - index * 5) * minute,
          notes: 'Demo data.',
          recordedById: supervisor.id,
        })
        .run()
    })
  }
  return { siteId: site.id, permits: plan.length, people: people.map((p) => p.id) }
}
