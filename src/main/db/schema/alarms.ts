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
    /** Alarm id. */
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** `gas`: a gas value outside limits; `stale`: no reading for too long while people were inside. */
    kind: text('kind', { enum: alarmKinds }).notNull(),
    /** high (a high alarm level: act now), medium (any other gas outside limits) or low (a stale feed). */
    priority: text('priority', { enum: alarmPriorities }).notNull(),
    /** The permit whose limits were crossed, or whose feed went stale. */
    permitId: integer('permit_id')
      .notNull()
      .references(() => permits.id),
    /** The instrument that read it; null for an alarm from atmospheric tests or a stale feed. */
    instrumentId: integer('instrument_id').references(() => instruments.id),
    /** Where it comes from: `instrument:<id>`, `tests` (the permit's atmospheric tests) or `stale`. */
    sourceKey: text('source_key').notNull(),
    /** The gas: o2, lel, h2s or co; null for a stale-feed alarm. */
    gas: text('gas'),
    /** The worst level reached: high or low (the profile's alarms), condition (outside the permit's), or stale. */
    level: text('level').notNull(),
    /** The worst value reached while active, in the gas's unit (% vol, % LEL, ppm); null for a stale feed. */
    value: real('value'),
    /** The limit that value crossed, in the same unit; null for a stale feed. */
    limit: real('limit'),
    /** What happened, in words for the console: value, level, limit and source. */
    message: text('message').notNull(),
    /** When it was raised (ms since epoch): for gas, the reading's time, never later than when it was recorded. */
    raisedAt: integer('raised_at').notNull(),
    /** Whether it came first in its permit's cascade: no other alarm of the permit was unresolved (0/1). */
    firstOut: integer('first_out', { mode: 'boolean' }).notNull(),
    /** Whether it suspended its permit (evacuation ordered): only a supervisor may resolve it (0/1). */
    latched: integer('latched', { mode: 'boolean' }).notNull().default(false),
    /** When someone acknowledged it, silencing the tone (ms since epoch); null: not acknowledged. */
    acknowledgedAt: integer('acknowledged_at'),
    /** Who acknowledged it; null: not acknowledged. */
    acknowledgedById: integer('acknowledged_by_id').references(() => users.id),
    /** When the value was back in limits, or the feed spoke again (ms since epoch); null: still active. */
    clearedAt: integer('cleared_at'),
    /** When a person resolved it, after it cleared and was acknowledged (ms since epoch); null: still open. */
    resolvedAt: integer('resolved_at'),
    /** Who resolved it; null: not resolved. */
    resolvedById: integer('resolved_by_id').references(() => users.id),
    /** What it turned out to be: false_alarm, real_event or test; null: not resolved. */
    resolution: text('resolution', { enum: alarmResolutions }),
    /** The resolver's note (may be empty); null: not resolved. */
    resolutionNote: text('resolution_note'),
    /** Whether help was sent, as the resolver answered (0/1); null: not resolved. */
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
