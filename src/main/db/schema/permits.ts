import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core'
import { permitStates } from '../../../shared/domain/permit-lifecycle'
import { sites } from './sites'
import { spaces } from './spaces'
import { users } from './users'

export interface IsolationMeasure {
  measure: string
  done: boolean
}

/** An entry permit: every field of 1910.146(f)(1)-(15), numbered per site and year. */
export const permits = sqliteTable(
  'permits',
  {
    /** Permit id. */
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The site that issued it: the space's site. */
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id),
    /** Its number, CSE-<site code>-<year>-<sequence> (older ones CSE-<year>-<sequence>); never reused. */
    number: text('number').notNull(),
    // (f)(1) the space; (f)(2) purpose; (f)(3) date and authorized duration.
    /** (f)(1) The space to be entered. */
    spaceId: integer('space_id')
      .notNull()
      .references(() => spaces.id),
    /** (f)(2) The purpose of the entry. */
    purpose: text('purpose').notNull(),
    /** (f)(3) When the authorized duration starts (ms since epoch). */
    validFrom: integer('valid_from').notNull(),
    /** (f)(3) When it ends (ms since epoch), at most 24 h after valid_from; then the permit expires. */
    validTo: integer('valid_to').notNull(),
    /** Its lifecycle state, from draft to closed, cancelled or expired. */
    state: text('state', { enum: permitStates }).notNull().default('draft'),
    // (f)(6) the current entry supervisor and the signature of the one who authorized entry.
    /** (f)(6) The current entry supervisor (a transfer changes it). */
    entrySupervisorId: integer('entry_supervisor_id')
      .notNull()
      .references(() => users.id),
    /** (f)(6) The entry supervisor who signed the authorization; null: not authorized yet. */
    authorizedById: integer('authorized_by_id').references(() => users.id),
    /** When it was authorized (ms since epoch); null: not yet. */
    authorizedAt: integer('authorized_at'),
    /** (f)(6) The statement signed (by re-entering the password) on authorizing; null: not yet. */
    signatureStatement: text('signature_statement'),
    // (f)(7) hazards; (f)(8) isolation and control measures.
    /** (f)(7) JSON array of the hazards of the space, in words. */
    hazards: text('hazards', { mode: 'json' }).$type<string[]>().notNull(),
    /** (f)(8) JSON array of {measure, done}: every measure must be done before authorization. */
    isolationMeasures: text('isolation_measures', { mode: 'json' }).$type<IsolationMeasure[]>().notNull(),
    // (f)(9) acceptable entry conditions, from a limit profile, only ever stricter.
    /** (f)(9) The limit profile its conditions were taken from (the site's): factory, osha, niosh, acgih. */
    limitProfile: text('limit_profile').notNull(),
    /** (f)(9) Lowest acceptable oxygen, % vol. */
    o2Min: real('o2_min').notNull(),
    /** (f)(9) Highest acceptable oxygen, % vol. */
    o2Max: real('o2_max').notNull(),
    /** (f)(9) Highest acceptable combustible gases, % LEL. */
    lelMax: real('lel_max').notNull(),
    /** (f)(9) Highest acceptable hydrogen sulfide, ppm. */
    h2sMax: real('h2s_max').notNull(),
    /** (f)(9) Highest acceptable carbon monoxide, ppm. */
    coMax: real('co_max').notNull(),
    // (f)(11) rescue; (f)(12) communication; (f)(13) equipment; (f)(14) other; (f)(15) related permits.
    /** (f)(11) The rescue and emergency service to summon. */
    rescueService: text('rescue_service').notNull(),
    /** (f)(11) How to summon it (a number, a radio channel). */
    rescueContact: text('rescue_contact').notNull(),
    /** (f)(12) How entrants and the attendant communicate. */
    communicationMethod: text('communication_method').notNull(),
    /** (f)(13) JSON array of the equipment to be provided (PPE, testing, communication, rescue). */
    equipment: text('equipment', { mode: 'json' }).$type<string[]>().notNull(),
    /** (f)(14) Any other information needed for safety; empty when none. */
    otherSafetyInfo: text('other_safety_info').notNull().default(''),
    /** (f)(15) JSON array of other permits issued for the work (hot work, ...), in words. */
    relatedPermits: text('related_permits', { mode: 'json' }).$type<string[]>().notNull(),
    /** Notes written when closing it (problems met during entry); null until closed, or when none. */
    closeOutNotes: text('close_out_notes'),
    /** 1926.1205(e)(2): when last resumed after a suspension; only tests taken after it count for entry. */
    resumedAt: integer('resumed_at'),
    /** The last gas reading id committed before that resumption: a test must come after it. */
    resumedAfterReadingId: integer('resumed_after_reading_id'),
    /** Who drafted it. */
    createdById: integer('created_by_id')
      .notNull()
      .references(() => users.id),
    /** When it was drafted (ms since epoch). */
    createdAt: integer('created_at').notNull(),
    /** When it last changed: fields, state or supervisor (ms since epoch). */
    updatedAt: integer('updated_at').notNull(),
    /** Bumped on every change: two supervisors editing at once cannot overwrite each other. */
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('permits_site_number_idx').on(t.siteId, t.number),
    index('permits_state_idx').on(t.state),
    index('permits_space_idx').on(t.spaceId),
  ],
)

/** (f)(4) authorized entrants: accounts or named people. `personKey` is `user:<id>` or `name:<name>`. */
export const permitEntrants = sqliteTable(
  'permit_entrants',
  {
    /** Entrant line id. */
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The permit they are authorized to enter under. */
    permitId: integer('permit_id')
      .notNull()
      .references(() => permits.id),
    /** `user:<id>` for an account, `name:<name>` (trimmed, lower-case) for a person without one. */
    personKey: text('person_key').notNull(),
    /** Their account; null for a person named without one. */
    userId: integer('user_id').references(() => users.id),
    /** Their name: the account's display name, or as written on the permit. */
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('permit_entrants_person_idx').on(t.permitId, t.personKey)],
)

export const attendantStatuses = ['assigned', 'on_duty', 'relieved'] as const

/** (f)(5) attendants, assigned by shift. */
export const attendantAssignments = sqliteTable(
  'attendant_assignments',
  {
    /** Assignment id. */
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The permit whose entrants they watch over. */
    permitId: integer('permit_id')
      .notNull()
      .references(() => permits.id),
    /** The attendant: an account with the attendant role. */
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** The shift's name, e.g. `Day shift`. */
    shiftName: text('shift_name').notNull(),
    /** When the shift starts (ms since epoch). */
    shiftStart: integer('shift_start').notNull(),
    /** When the shift ends (ms since epoch); after it the attendant no longer counts as on duty. */
    shiftEnd: integer('shift_end').notNull(),
    /** assigned, on_duty (keeping watch) or relieved (done; also when the permit ends). */
    status: text('status', { enum: attendantStatuses }).notNull().default('assigned'),
    /** When it was assigned or its status last changed (ms since epoch). */
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('attendant_assignments_permit_idx').on(t.permitId)],
)

/** The permit's timeline: every transition and recorded event, with who, when and why. */
export const permitTimeline = sqliteTable(
  'permit_timeline',
  {
    /** Timeline entry id. */
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The permit it happened to. */
    permitId: integer('permit_id')
      .notNull()
      .references(() => permits.id),
    /** When it happened (ms since epoch). */
    at: integer('at').notNull(),
    /** The user who did it; null when Gatehouse did (expiry, a gas alarm). */
    actorId: integer('actor_id').references(() => users.id),
    /** Who did it: the user's display name, or `system`, `Gatehouse (gas alarm)`. */
    actorName: text('actor_name').notNull(),
    /** What happened: a lifecycle action (submit, authorize, ...) or an event (created, test_pre_entry, ...). */
    kind: text('kind').notNull(),
    /** The state before, for a lifecycle action; null otherwise. */
    fromState: text('from_state'),
    /** The state after, for a lifecycle action (also on creation); null otherwise. */
    toState: text('to_state'),
    /** The reason, close-out notes or details in words; empty when none. */
    note: text('note').notNull().default(''),
  },
  (t) => [index('permit_timeline_permit_idx').on(t.permitId, t.at)],
)
