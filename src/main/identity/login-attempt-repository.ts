import { and, desc, eq, gte } from 'drizzle-orm'
import type { Db } from '../db/database'
import { loginAttempts } from '../db/schema'

export type LoginOutcome = 'success' | 'failure' | 'throttled'

export function recordLoginAttempt(db: Db, username: string, outcome: LoginOutcome, at: number): void {
  db.insert(loginAttempts).values({ username, outcome, at }).run()
}

/**
 * Consecutive failures for this username since its last success, within the window, and the
 * time of the latest one. Throttled attempts neither count nor reset.
 */
export function recentFailures(db: Db, username: string, since: number): { count: number; lastAt: number | null } {
  const rows = db
    .select({ outcome: loginAttempts.outcome, at: loginAttempts.at })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.username, username), gte(loginAttempts.at, since)))
    .orderBy(desc(loginAttempts.at), desc(loginAttempts.id))
    .limit(100)
    .all()
  let count = 0
  let lastAt: number | null = null
  for (const row of rows) {
    if (row.outcome === 'success') break
    if (row.outcome === 'failure') {
      count += 1
      lastAt ??= row.at
    }
  }
  return { count, lastAt }
}
