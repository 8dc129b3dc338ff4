import { index, integer, real, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { alarmKinds, alarmPriorities, alarmResolutions } from '../../../shared/contract/alarms'
import { instruments } from './instruments'
import { permits } from './permits'
import { users } from './users'

/**
 * One alarm (ISA-18.2): raised, acknowledged, cleared when the value is back in limits, resolved by
 * a person with a reason. Its state is derived from these times, never stored twice. `sourceKey`
 * says where it comes from (an instrument, the permit's atmospheric tests, or its feed going
 * stale) so one source and gas has at most one open alarm.
 */
export const alarms = sqliteTable(
  'alarms',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: alarmKinds }).notNull(),
    priority: text('priority', { enum: alarmPriorities }).notNull(),
    permitId: integer('permit_id')
      .notNull()
      .references(() => permits.id),
    instrumentId: integer('instrument_id').references(() => instruments.id),
    sourceKey: text('source_key').notNull(),
    gas: text('gas'),
    level: text('level').notNull(),
    value: real('value'),
    limit: real('limit'),
    message: text('message').notNull(),
    raisedAt: integer('raised_at').notNull(),
    firstOut: integer('first_out', { mode: 'boolean' }).notNull(),
    latched: integer('latched', { mode: 'boolean' }).notNull().default(false),
    acknowledgedAt: integer('acknowledged_at'),
    acknowledgedById: integer('acknowledged_by_id').references(() => users.id),
    clearedAt: integer('cleared_at'),
    resolvedAt: integer('resolved_at'),
    resolvedById: integer('resolved_by_id').references(() => users.id),
    resolution: text('resolution', { enum: alarmResolutions }),
    resolutionNote: text('resolution_note'),
    helpSent: integer('help_sent', { mode: 'boolean' }),
  },
  (t) => [
    index('alarms_open_idx').on(t.resolvedAt, t.permitId),
    // What ingest reads on every batch: a permit's alarms still active, or not yet resolved.
    index('alarms_permit_open_idx').on(t.permitId, t.resolvedAt, t.clearedAt),
    index('alarms_permit_idx').on(t.permitId, t.raisedAt),
    index('alarms_raised_idx').on(t.raisedAt),
  ],
)
