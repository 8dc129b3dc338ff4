import { and, eq, isNull, ne } from 'drizzle-orm'
import type { Db } from '../db/database'
import { sessions } from '../db/schema'

export type SessionRow = typeof sessions.$inferSelect

export function insertSession(db: Db, tokenHash: string, userId: number, now: number): void {
  db.insert(sessions).values({ tokenHash, userId, createdAt: now, lastSeenAt: now }).run()
}

export function touchSession(db: Db, tokenHash: string, now: number): void {
  db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash)).run()
}

export function endSession(db: Db, tokenHash: string, reason: string, now: number): void {
  db.update(sessions)
    .set({ endedAt: now, endReason: reason })
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.endedAt)))
    .run()
}

/** Ends every live session of a user, optionally keeping one (the caller's own). */
export function endSessionsOfUser(db: Db, userId: number, reason: string, now: number, keepTokenHash?: string): number {
  return db
    .update(sessions)
    .set({ endedAt: now, endReason: reason })
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.endedAt),
        keepTokenHash ? ne(sessions.tokenHash, keepTokenHash) : undefined,
      ),
    )
    .run().changes
}
