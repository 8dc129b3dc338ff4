import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { spaceClassifications } from '../../../shared/contract/spaces'
import { spaceServiceStatuses } from '../../../shared/domain/space-availability'
import { sites } from './sites'

/** A confined space of a site (a tank, a pit, a vessel), known by its tag. */
export const spaces = sqliteTable(
  'spaces',
  {
    /** Space id. */
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The site it belongs to. */
    siteId: integer('site_id')
      .notNull()
      .references(() => sites.id),
    /** The space's tag, as TK-101; unique across the installation, since access grants name `space:<tag>`. */
    tag: text('tag').notNull().unique(),
    /** Its name. */
    name: text('name').notNull(),
    /** Where it is, in words; empty when not given. */
    location: text('location').notNull().default(''),
    /** Known hazards of the space, in words; empty when none. */
    hazardNotes: text('hazard_notes').notNull().default(''),
    /** Under 1910.146: permit_required, non_permit (takes no permit) or reclassified. */
    classification: text('classification', { enum: spaceClassifications }).notNull(),
    /** Its service status. Only what a person decides; occupancy and the open permit are derived from the records. */
    status: text('status', { enum: spaceServiceStatuses }).notNull().default('in_service'),
    /** When it was retired (ms since epoch); null: in use. A retired space takes no new permits. */
    retiredAt: integer('retired_at'),
    /** When it was registered (ms since epoch). */
    createdAt: integer('created_at').notNull(),
    /** When it last changed (ms since epoch). */
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('spaces_site_idx').on(t.siteId)],
)
