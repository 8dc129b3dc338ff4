import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { readingKinds, readingSources } from '../../../shared/contract/atmosphere'
import { permits } from './permits'
import { spaces } from './spaces'
import { users } from './users'

/** One reading in the shape of domain.md; atmospheric tests are readings of kind pre_entry or periodic. */
export const gasReadings = sqliteTable(
  'gas_readings',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    takenAt: integer('taken_at').notNull(),
    o2: real('o2'),
    lel: real('lel'),
    h2s: real('h2s'),
    co: real('co'),
    instrument: text('instrument').notNull(),
    takenByUserId: integer('taken_by_user_id').references(() => users.id),
    takenByName: text('taken_by_name').notNull(),
    permitId: integer('permit_id').references(() => permits.id),
    spaceId: integer('space_id')
      .notNull()
      .references(() => spaces.id),
    kind: text('kind', { enum: readingKinds }).notNull(),
    source: text('source', { enum: readingSources }).notNull(),
    recordedAt: integer('recorded_at').notNull(),
  },
  (t) => [
    index('gas_readings_permit_idx').on(t.permitId, t.takenAt),
    index('gas_readings_space_idx').on(t.spaceId, t.takenAt),
  ],
)
