/**
 * Worker thread entry: walks chunks of the audit chain, claimed from the plan it shares with the
 * main thread and the other workers (see chain-chunks.ts), in its own read-only connection. Posts
 * `{ chunks }` at the end, or `{ error }` when it could not run.
 */
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { walkClaimedChunks } from './chain-chunks'
import type { ChunkPlan } from './chain-chunks'

export interface ChunksInput {
  file: string
  nativeBinding?: string
  plan: ChunkPlan
}

try {
  const input = workerData as ChunksInput
  const sqlite = new Database(input.file, {
    readonly: true,
    fileMustExist: true,
    ...(input.nativeBinding ? { nativeBinding: input.nativeBinding } : {}),
  })
  try {
    parentPort?.postMessage({ chunks: [...walkClaimedChunks(sqlite, input.plan)] })
  } finally {
    sqlite.close()
  }
} catch (error) {
  parentPort?.postMessage({ error: error instanceof Error ? error.message : String(error) })
}
