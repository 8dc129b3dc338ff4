import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import { availableParallelism } from 'node:os'
import type { AuditVerification } from '../../shared/contract/audit'
import { startWorkerEntry } from '../core/worker-entry'
import type { Sqlite } from '../db/database'
import type { ChunksInput } from './audit-verify-worker'
import { joinChunks, planChunks, walkClaimedChunks } from './chain-chunks'
import type { ChainWalked, ChunkPlan, WalkedChunk } from './chain-chunks'
import { defaultChunkSize } from './chain-walk'
import { checkpointProblem } from './checkpoint'
import type { SignedCheckpoint } from './checkpoint'

/** Below this many entries one thread is quicker than starting others. */
const parallelFrom = 200_000

export interface VerifyOptions {
  /** Checkpoints to hold the trail against: the stored ones, and any file an auditor brings. */
  checkpoints?: readonly SignedCheckpoint[]
  /** Keys whose checkpoints count: this installation's. */
  trustedKeyIds?: ReadonlySet<string>
  /**
   * The database file (and the driver build that opened it): given, worker threads help walk a
   * long chain, each reading with its own connection.
   */
  file?: { path: string; nativeBinding?: string | undefined }
  /**
   * Threads to walk the chain in, this one included; by default one per core (at most 8) from
   * 200,000 entries, else this one alone.
   */
  threads?: number
  /** Entries checked at once (tests make it small to put breaks at every place in a chunk). */
  chunkSize?: number
}

/** Chunks walked in this thread, yielding between them to keep serving the console. */
async function walkHere(sqlite: Sqlite, plan: ChunkPlan): Promise<WalkedChunk[]> {
  const chunks: WalkedChunk[] = []
  for (const chunk of walkClaimedChunks(sqlite, plan)) {
    chunks.push(chunk)
    await yieldToEventLoop()
  }
  return chunks
}

/** Chunks walked in a worker thread, claimed from the same plan. */
export function walkInWorker(input: ChunksInput): Promise<WalkedChunk[]> {
  const worker = startWorkerEntry('audit-verify-worker', __dirname, input)
  return new Promise((resolve, reject) => {
    worker.once('message', (message: { chunks?: WalkedChunk[]; error?: string }) => {
      if (message.chunks) resolve(message.chunks)
      else reject(new Error(message.error ?? 'the verification worker answered nothing'))
    })
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`the verification worker stopped (exit code ${String(code)})`)))
  })
}

/**
 * The whole chain, a chunk at a time: this thread starts at once, and workers (one per core but
 * this one) join in as they start, every thread claiming the next chunk not yet taken; then the
 * chunks are joined in order.
 */
async function walkChain(sqlite: Sqlite, options: VerifyOptions): Promise<ChainWalked> {
  const plan = planChunks(sqlite, options.chunkSize ?? defaultChunkSize)
  const { upToSeq } = plan
  const threads = options.threads ?? (upToSeq >= parallelFrom ? Math.min(availableParallelism(), 8) : 1)
  const { file } = options
  const workers = file
    ? Array.from({ length: Math.max(threads - 1, 0) }, () =>
        walkInWorker({ file: file.path, ...(file.nativeBinding ? { nativeBinding: file.nativeBinding } : {}), plan }),
      )
    : []
  const walked = await Promise.all([walkHere(sqlite, plan), ...workers])
  return joinChunks(walked.flat(), plan)
}

/**
 * Walks the whole chain in chunks, yielding between them so the main process keeps serving the
 * interface, and reports the first broken link; then holds the trail against each checkpoint: the
 * entry it names must still be there with the same hash, which also proves that nothing before it
 * changed and that the tail was not cut off before it.
 */
export async function verifyAuditTrail(sqlite: Sqlite, options: VerifyOptions = {}): Promise<AuditVerification> {
  const hashAt = sqlite.prepare('select hash from audit_entries where seq = ?').pluck(true)
  const walked = await walkChain(sqlite, options)
  const { checked, firstBroken } = walked
  const previous = { seq: walked.headSeq, hash: walked.headHash }

  const trusted = options.trustedKeyIds ?? new Set<string>()
  const problems: { seq: number; at: number; reason: string }[] = []
  let latest: { seq: number; at: number } | null = null
  for (const checkpoint of options.checkpoints ?? []) {
    const problem = checkpointProblem(checkpoint, trusted)
    const named = problem ? null : (hashAt.get(checkpoint.seq) as string | undefined)
    const reason =
      problem ??
      (checkpoint.seq === 0
        ? null
        : named === undefined
          ? `entry ${String(checkpoint.seq)} it names is gone: the trail was cut off after entry ${String(previous.seq)}`
          : named !== checkpoint.hash
            ? `entry ${String(checkpoint.seq)} no longer has the hash it names`
            : null)
    if (reason) problems.push({ seq: checkpoint.seq, at: checkpoint.at, reason })
    else if (!latest || checkpoint.seq > latest.seq) latest = { seq: checkpoint.seq, at: checkpoint.at }
  }
  return {
    intact: firstBroken === null && problems.length === 0,
    checked,
    headSeq: previous.seq,
    headHash: previous.hash,
    firstBroken,
    checkpoints: { checked: options.checkpoints?.length ?? 0, latest, problems },
  }
}
