import { like, or, sql } from 'drizzle-orm'
import type { SQL } from 'drizzle-orm'
import type { SQLiteColumn } from 'drizzle-orm/sqlite-core'

/**
 * "Any of these columns contains the search text", with LIKE's wildcards in the text taken
 * literally (a search for "50%" finds "50%", not everything starting with 50).
 */
export function containsText(columns: SQLiteColumn[], search: string | undefined): SQL | undefined {
  if (!search) return undefined
  const pattern = `%${search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`
  return or(...columns.map((column) => like(column, sql`${pattern} escape '\\'`)))
}
