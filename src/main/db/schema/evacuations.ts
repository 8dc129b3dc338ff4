import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { permits } from './permits'
import { sites } from './sites'
import { users } from './users'

/** An evacuation order, of one permit, of one site or of every space, and its roll call. */
export const evacuations = sqliteTable('evacuations', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Scope: this permit; else this site; neither, every space. */
  permitId: integer('permit_id').references(() => permits.id),
  siteId: integer('site_id').references(() => sites.id),
  reason: text('reason').notNull(),
  /** Null when Gatehouse ordered it itself, on a gas alarm; `orderedBy` then names the alarm. */
  orderedById: integer('ordered_by_id').references(() => users.id),
  orderedBy: text('ordered_by').notNull().default(''),
  orderedAt: integer('ordered_at').notNull(),
  clearedAt: integer('cleared_at'),
})

export const evacuationRollCall = sqliteTable(
  'evacuation_roll_call',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    evacuationId: integer('evacuation_id')
      .notNull()
      .references(() => evacuations.id),
    permitId: integer('permit_id')
      .notNull()
      .references(() => permits.id),
    personKey: text('person_key').notNull(),
    personName: text('person_name').notNull(),
    exitedAt: integer('exited_at'),
  },
  (t) => [index('evacuation_roll_call_evacuation_idx').on(t.evacuationId)],
)
