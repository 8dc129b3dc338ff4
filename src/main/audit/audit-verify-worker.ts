/**
 * Worker thread entry: walks one stretch of the audit chain in its own read-only connection (see
 * audit-verifier.ts, which splits the chain between threads). Posts `{ progress }` after each chunk
 * and `{ walked }` at the end, or `{ error }` when it could not run.
 */
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { chainWalker } from './chain-walk'

export interface StretchInput {
  file: string
  nativeBinding?: string
  afterSeq: number
  upToSeq: number
  chunkSize?: number
}

try {
  const input = workerData as StretchInput
  const sqlite = new Database(input.file, {
    readonly: true,
    fileMustExist: true,
    ...(input.nativeBinding ? { nativeBinding: input.nativeBinding } : {}),
  })
  try {
    const walker = chainWalker(sqlite, input.afterSeq, input.upToSeq, null, input.chunkSize)
    while (walker.step()) parentPort?.postMessage({ progress: walker.walked.checked })
    parentPort?.postMessage({ walked: walker.walked })
  } finally {
    sqlite.close()
  }
} catch (error) {
  parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) })
}
