import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { spaceClassifications } from '../../../shared/contract/spaces'
import { spaceServiceStatuses } from '../../../shared/domain/space-availability'
import { sites } from './sites'

export const spaces = sqliteTable(
  'spaces',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id),
    /** TK-101; unique across the installation, since access grants name `space:<tag>`. */
    tag: text('tag').notNull().unique(),
    name: text('name').notNull(),
    location: text('location').notNull().default(''),
    hazardNotes: text('hazard_notes').notNull().default(''),
    classification: text('classification', { enum: spaceClassifications }).notNull(),
    /** Only what a person decides; occupancy and the open permit are derived from the records. */
    status: text('status', { enum: spaceServiceStatuses }).notNull().default('in_service'),
    retiredAt: integer('retired_at'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('spaces_site_idx').on(t.siteId)],
)
