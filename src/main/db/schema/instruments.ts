import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { instrumentStatuses } from '../../../shared/contract/instruments'
import type { Gas } from '../../../shared/domain/gases'
import { sites } from './sites'

/** The register of gas monitors, per site. The serial is unique across the installation. */
export const instruments = sqliteTable('instruments', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  siteId: integer('site_id')
    .notNull()
    .references(() => sites.id),
  serial: text('serial').notNull().unique(),
  model: text('model').notNull().default(''),
  name: text('name').notNull(),
  sensors: text('sensors', { mode: 'json' }).$type<Gas[]>().notNull(),
  lastBumpAt: integer('last_bump_at'),
  calibrationDueAt: integer('calibration_due_at'),
  status: text('status', { enum: instrumentStatuses }).notNull().default('in_service'),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
})
