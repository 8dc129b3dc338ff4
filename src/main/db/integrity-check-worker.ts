/**
 * Worker thread entry: SQLite's full integrity check of one file, read-only, off the main thread
 * (it reads every page: seconds to minutes on a large database). Started by full-check.ts; answers
 * with a FullCheckOutcome, or with `{ error }` when the check could not run at all.
 */
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { checkDatabaseFile } from './database-file-check'
import type { FullCheckInput, FullCheckOutcome } from './full-check'

function check(input: FullCheckInput): FullCheckOutcome {
  const started = performance.now()
  const sqlite = new Database(input.file, {
    readonly: true,
    fileMustExist: true,
    ...(input.nativeBinding ? { nativeBinding: input.nativeBinding } : {}),
  })
  try {
    let pages = 0
    try {
      pages = sqlite.pragma('page_count', { simple: true }) as number
    } catch {
      // A file too damaged to give its size: the check below says why.
    }
    const verdict = checkDatabaseFile(sqlite)
    return { verdict, pages, durationMs: Math.round(performance.now() - started) }
  } finally {
    sqlite.close()
  }
}

try {
  parentPort?.postMessage(check(workerData as FullCheckInput))
} catch (error) {
  parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) })
}
