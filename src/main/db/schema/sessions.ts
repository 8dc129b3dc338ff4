import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import { users } from './users'

/** A signed-in session: one bearer token of one user, live until it ends. */
export const sessions = sqliteTable(
  'sessions',
  {
    /** SHA-256 of the bearer token: a copied database file holds no usable token. */
    tokenHash: text('token_hash').primaryKey(),
    /** The signed-in user. */
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** When they signed in (ms since epoch); by default the session ends 12 hours later at most. */
    createdAt: integer('created_at').notNull(),
    /** When it was last used (ms since epoch), written every 30 s at most; idle 30 min (default), it ends. */
    lastSeenAt: integer('last_seen_at').notNull(),
    /** When it ended (ms since epoch); null: still live. */
    endedAt: integer('ended_at'),
    /** Why it ended: logout, idle, lifetime, deactivated or password changed; null: still live. */
    endReason: text('end_reason'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
)

/** Every sign-in attempt, for throttling and review. */
export const loginAttempts = sqliteTable(
  'login_attempts',
  {
    /** Attempt id. */
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** The username tried, lower-cased; it need not exist. */
    username: text('username').notNull(),
    /** When it was tried (ms since epoch). */
    at: integer('at').notNull(),
    /** success; failure (unknown user, wrong password, deactivated); throttled (refused unchecked). */
    outcome: text('outcome', { enum: ['success', 'failure', 'throttled'] }).notNull(),
  },
  (t) => [index('login_attempts_username_at_idx').on(t.username, t.at)],
)
