import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core'
import { attendantAssignments, permits } from './permits'
import { spaces } from './spaces'
import { users } from './users'

/** The entry and exit log. Who is inside is derived from it, never kept as a counter. */
export const entryEvents = sqliteTable(
  'entry_events',
  {
    /** Event id; ids follow the order events were recorded (a person's latest says where they are). */
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The permit the person entered or left under. */
    permitId: integer('permit_id')
      .notNull()
      .references(() => permits.id),
    /** The space entered or left (the permit's). */
    spaceId: integer('space_id')
      .notNull()
      .references(() => spaces.id),
    /** entry or exit. */
    kind: text('kind', { enum: ['entry', 'exit'] }).notNull(),
    /** Who: `user:<id>` for an account, `name:<name>` (trimmed, lower-case) for a person without one. */
    personKey: text('person_key').notNull(),
    /** Their name as shown: the account's display name, or as the permit lists them. */
    personName: text('person_name').notNull(),
    /** When it was recorded (ms since epoch). */
    at: integer('at').notNull(),
    /** The attendant shift on duty at the time; null when no attendant was keeping watch. */
    attendantAssignmentId: integer('attendant_assignment_id').references(() => attendantAssignments.id),
    /** Remarks; on an exit, any warning too (joined by ` / `). Empty when none. */
    notes: text('notes').notNull().default(''),
    /** The user who logged it. */
    recordedById: integer('recorded_by_id')
      .notNull()
      .references(() => users.id),
    /** On a correction: the exit logged by mistake that this entry row undoes. */
    correctsId: integer('corrects_id').references((): AnySQLiteColumn => entryEvents.id),
  },
  (t) => [
    index('entry_events_permit_idx').on(t.permitId, t.at),
    index('entry_events_space_idx').on(t.spaceId, t.at),
    // Where is this person inside? (an attendant going on duty must be outside everywhere)
    index('entry_events_person_idx').on(t.personKey, t.permitId),
  ],
)
