import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { permits } from './permits'
import { sites } from './sites'
import { users } from './users'

/** An evacuation order, of one permit, of one site or of every space, and its roll call. */
export const evacuations = sqliteTable('evacuations', {
  /** Evacuation id. */
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** The permit evacuated, for a one-permit order. Scope: this permit; else this site; neither, every space. */
  permitId: integer('permit_id').references(() => permits.id),
  /** The site evacuated, for an order of one site; null otherwise. */
  siteId: integer('site_id').references(() => sites.id),
  /** Why it was ordered (on an alarm: `Gas alarm: ` and the reading). */
  reason: text('reason').notNull(),
  /** Who ordered it. Null when Gatehouse ordered it itself, on a gas alarm; `orderedBy` then names the alarm. */
  orderedById: integer('ordered_by_id').references(() => users.id),
  /** Who ordered it, as the audit names the actor: a username, or `Gatehouse (gas alarm)`. */
  orderedBy: text('ordered_by').notNull().default(''),
  /** When it was ordered (ms since epoch). */
  orderedAt: integer('ordered_at').notNull(),
  /** When the roll call was complete, everyone out (ms since epoch); null: still under way. */
  clearedAt: integer('cleared_at'),
})

/** One person who was inside when an evacuation was ordered, and when their exit was logged. */
export const evacuationRollCall = sqliteTable(
  'evacuation_roll_call',
  {
    /** Roll-call line id. */
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The evacuation whose roll call this is. */
    evacuationId: integer('evacuation_id')
      .notNull()
      .references(() => evacuations.id),
    /** The permit they were inside under. */
    permitId: integer('permit_id')
      .notNull()
      .references(() => permits.id),
    /** Who, keyed as in the entry log: `user:<id>` or `name:<name>`. */
    personKey: text('person_key').notNull(),
    /** Their name as logged on entry. */
    personName: text('person_name').notNull(),
    /** When their exit was logged (ms since epoch); null while still inside (not yet accounted for). */
    exitedAt: integer('exited_at'),
  },
  (t) => [index('evacuation_roll_call_evacuation_idx').on(t.evacuationId)],
)
