import type Database from 'better-sqlite3'

type Statement = Database.Statement<unknown[], unknown>

/**
 * The connection drizzle talks to, compiling each distinct SQL text once. drizzle prepares a new
 * statement for every query it runs, and SQLite's compile is the larger part of a small query's cost
 * (better-sqlite3's guidance is to prepare once and run many times). The texts are the application's
 * own queries, so the cache stays small; it is bounded all the same, in case a query is ever built
 * with its values inlined.
 */
export class StatementCachingClient {
  private readonly statements = new Map<string, Statement>()

  constructor(
    private readonly sqlite: Database.Database,
    private readonly capacity = 2_000,
  ) {}

  prepare(source: string): Statement {
    const cached = this.statements.get(source)
    // A statement still being iterated cannot run again until the iteration ends: that caller gets its own.
    if (cached && !cached.busy) {
      // drizzle switches a statement to raw rows when it maps the columns itself; each use starts from objects.
      if (cached.reader) cached.raw(false)
      return cached
    }
    const statement = this.sqlite.prepare(source)
    if (!cached) {
      if (this.statements.size >= this.capacity) this.statements.clear()
      this.statements.set(source, statement)
    }
    return statement
  }

  transaction<F extends (...args: never[]) => unknown>(fn: F): Database.Transaction<F> {
    return this.sqlite.transaction(fn)
  }
}
