import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { instrumentStatuses } from '../../../shared/contract/instruments'
import type { Gas } from '../../../shared/domain/gases'
import { sites } from './sites'

/** The register of gas monitors, per site. The serial is unique across the installation. */
export const instruments = sqliteTable('instruments', {
  /** Instrument id. */
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** The site it is registered at; its readings go only to that site's permits. */
  siteId: integer('site_id')
    .notNull()
    .references(() => sites.id),
  /** Its serial number; readings name their instrument by it. Unique. */
  serial: text('serial').notNull().unique(),
  /** Make and model; empty when not given. */
  model: text('model').notNull().default(''),
  /** The name people know it by. */
  name: text('name').notNull(),
  /** JSON array of the gases it measures: o2, lel, h2s, co. */
  sensors: text('sensors', { mode: 'json' }).$type<Gas[]>().notNull(),
  /** When it was last bump-tested (ms since epoch); over 24 h ago or null: bump test overdue. */
  lastBumpAt: integer('last_bump_at'),
  /** When its calibration falls due (ms since epoch); passed or null: calibration overdue. */
  calibrationDueAt: integer('calibration_due_at'),
  /** in_service or out_of_service; readings from an instrument out of service are refused. */
  status: text('status', { enum: instrumentStatuses }).notNull().default('in_service'),
  /** When it was registered (ms since epoch). */
  createdAt: integer('created_at').notNull(),
  /** When its register entry last changed (ms since epoch). */
  updatedAt: integer('updated_at').notNull(),
})
