import { and, desc, eq, inArray, sql } from 'drizzle-orm'
import type { Db } from '../db/database'
import { datalogImports, permits } from '../db/schema'

export type DatalogImportRow = typeof datalogImports.$inferSelect

export const findImport = (db: Db, id: number): DatalogImportRow | undefined =>
  db.select().from(datalogImports).where(eq(datalogImports.id, id)).get()

/** The latest committed import of the file with this SHA-256, if any. */
export const committedImportOf = (db: Db, sha256: string): DatalogImportRow | undefined =>
  db
    .select()
    .from(datalogImports)
    .where(and(eq(datalogImports.fileSha256, sha256), eq(datalogImports.status, 'committed')))
    .orderBy(desc(datalogImports.committedAt))
    .get()

/** Imports in one state (at start-up: those to finish, those to drop). */
export const importsIn = (db: Db, status: DatalogImportRow['status']): DatalogImportRow[] =>
  db.select().from(datalogImports).where(eq(datalogImports.status, status)).orderBy(datalogImports.id).all()

/** Permit ids by upper-case number, for the numbers a chunk names (old numbers may repeat across sites). */
export function permitIdsByNumber(db: Db, numbers: ReadonlySet<string>): Map<string, number[]> {
  const found = new Map<string, number[]>()
  if (numbers.size === 0) return found
  const rows = db
    .select({ id: permits.id, number: sql<string>`upper(${permits.number})` })
    .from(permits)
    .where(inArray(sql`upper(${permits.number})`, [...numbers]))
    .all()
  for (const { id, number } of rows) found.set(number, [...(found.get(number) ?? []), id])
  return found
}

/** Permit numbers by id, in id order. */
export const permitNumbers = (db: Db, ids: readonly number[]): string[] =>
  ids.length === 0
    ? []
    : db
        .select({ number: permits.number })
        .from(permits)
        .where(inArray(permits.id, [...ids]))
        .orderBy(permits.id)
        .all()
        .map((row) => row.number)
