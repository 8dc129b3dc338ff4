import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core'
import { attendantAssignments, permits } from './permits'
import { spaces } from './spaces'
import { users } from './users'

/** The entry and exit log. Who is inside is derived from it, never kept as a counter. */
export const entryEvents = sqliteTable(
  'entry_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    permitId: integer('permit_id')
      .notNull()
      .references(() => permits.id),
    spaceId: integer('space_id')
      .notNull()
      .references(() => spaces.id),
    kind: text('kind', { enum: ['entry', 'exit'] }).notNull(),
    personKey: text('person_key').notNull(),
    personName: text('person_name').notNull(),
    at: integer('at').notNull(),
    attendantAssignmentId: integer('attendant_assignment_id').references(() => attendantAssignments.id),
    notes: text('notes').notNull().default(''),
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
