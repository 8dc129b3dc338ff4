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
    id: integer('id').primaryKey({ autoIncrement: true }),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id),
    number: text('number').notNull(),
    // (f)(1) the space; (f)(2) purpose; (f)(3) date and authorized duration.
    spaceId: integer('space_id')
      .notNull()
      .references(() => spaces.id),
    purpose: text('purpose').notNull(),
    validFrom: integer('valid_from').notNull(),
    validTo: integer('valid_to').notNull(),
    state: text('state', { enum: permitStates }).notNull().default('draft'),
    // (f)(6) the current entry supervisor and the signature of the one who authorized entry.
    entrySupervisorId: integer('entry_supervisor_id')
      .notNull()
      .references(() => users.id),
    authorizedById: integer('authorized_by_id').references(() => users.id),
    authorizedAt: integer('authorized_at'),
    signatureStatement: text('signature_statement'),
    // (f)(7) hazards; (f)(8) isolation and control measures.
    hazards: text('hazards', { mode: 'json' }).$type<string[]>().notNull(),
    isolationMeasures: text('isolation_measures', { mode: 'json' }).$type<IsolationMeasure[]>().notNull(),
    // (f)(9) acceptable entry conditions, from a limit profile, only ever stricter.
    limitProfile: text('limit_profile').notNull(),
    o2Min: real('o2_min').notNull(),
    o2Max: real('o2_max').notNull(),
    lelMax: real('lel_max').notNull(),
    h2sMax: real('h2s_max').notNull(),
    coMax: real('co_max').notNull(),
    // (f)(11) rescue; (f)(12) communication; (f)(13) equipment; (f)(14) other; (f)(15) related permits.
    rescueService: text('rescue_service').notNull(),
    rescueContact: text('rescue_contact').notNull(),
    communicationMethod: text('communication_method').notNull(),
    equipment: text('equipment', { mode: 'json' }).$type<string[]>().notNull(),
    otherSafetyInfo: text('other_safety_info').notNull().default(''),
    relatedPermits: text('related_permits', { mode: 'json' }).$type<string[]>().notNull(),
    closeOutNotes: text('close_out_notes'),
    /** 1926.1205(e)(2): when last resumed after a suspension; only tests taken after it count for entry. */
    resumedAt: integer('resumed_at'),
    /** The last gas reading id committed before that resumption: a test must come after it. */
    resumedAfterReadingId: integer('resumed_after_reading_id'),
    createdById: integer('created_by_id')
      .notNull()
      .references(() => users.id),
    createdAt: integer('created_at').notNull(),
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
    id: integer('id').primaryKey({ autoIncrement: true }),
    permitId: integer('permit_id')
      .notNull()
      .references(() => permits.id),
    personKey: text('person_key').notNull(),
    userId: integer('user_id').references(() => users.id),
    name: text('name').notNull(),
  },
  (t) => [uniqueIndex('permit_entrants_person_idx').on(t.permitId, t.personKey)],
)

export const attendantStatuses = ['assigned', 'on_duty', 'relieved'] as const

/** (f)(5) attendants, assigned by shift. */
export const attendantAssignments = sqliteTable(
  'attendant_assignments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    permitId: integer('permit_id')
      .notNull()
      .references(() => permits.id),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    shiftName: text('shift_name').notNull(),
    shiftStart: integer('shift_start').notNull(),
    shiftEnd: integer('shift_end').notNull(),
    status: text('status', { enum: attendantStatuses }).notNull().default('assigned'),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('attendant_assignments_permit_idx').on(t.permitId)],
)

/** The permit's timeline: every transition and recorded event, with who, when and why. */
export const permitTimeline = sqliteTable(
  'permit_timeline',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    permitId: integer('permit_id')
      .notNull()
      .references(() => permits.id),
    at: integer('at').notNull(),
    actorId: integer('actor_id').references(() => users.id),
    actorName: text('actor_name').notNull(),
    kind: text('kind').notNull(),
    fromState: text('from_state'),
    toState: text('to_state'),
    note: text('note').notNull().default(''),
  },
  (t) => [index('permit_timeline_permit_idx').on(t.permitId, t.at)],
)
