import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import { availableParallelism } from 'node:os'
import type { AuditVerification } from '../../shared/contract/audit'
import { startWorkerEntry } from '../core/worker-entry'
import type { Sqlite } from '../db/database'
import { genesisHash } from './audit-chain'
import { chainWalker, type StretchWalked } from './chain-walk'
import type { StretchInput } from './audit-verify-worker'
import { checkpointProblem } from './checkpoint'
import type { SignedCheckpoint } from './checkpoint'

/** Below this many entries one thread is quicker than starting others. */
const parallelFrom = 200_000

export interface VerifyOptions {
  /** Checkpoints to hold the trail against: the stored ones, and any file an auditor brings. */
  checkpoints?: readonly SignedCheckpoint[]
  /** Keys whose checkpoints count: this installation's. */
  trustedKeyIds?: ReadonlySet<string>
  /** Called after each chunk with the entries checked so far (a progress bar, a CLI's rate). */
  onProgress?: (checked: number) => void
  /**
   * The database file (and the driver build that opened it): given, a long chain is split between
   * worker threads, one per core, each reading its stretch with its own connection.
   */
  file?: { path: string; nativeBinding?: string | undefined }
  /** Threads to walk the chain in; by default one per core (at most 8) from 200,000 entries, else one. */
  threads?: number
  /** Entries checked at once (tests make it small to put breaks at every place in a chunk). */
  chunkSize?: number
}

type Walked = Pick<AuditVerification, 'checked' | 'headSeq' | 'headHash' | 'firstBroken'>

/** The whole chain in this thread, a chunk at a time, yielding between chunks to keep serving the console. */
async function walkHere(
  sqlite: Sqlite,
  upToSeq: number,
  chunkSize: number | undefined,
  onProgress?: (checked: number) => void,
): Promise<Walked> {
  const walker = chainWalker(sqlite, 0, upToSeq, { seq: 0, hash: genesisHash }, chunkSize)
  while (walker.step()) {
    onProgress?.(walker.walked.checked)
    await yieldToEventLoop()
  }
  const { walked } = walker
  onProgress?.(walked.checked)
  return {
    checked: walked.checked,
    headSeq: walked.last?.seq ?? 0,
    headHash: walked.last?.hash ?? genesisHash,
    firstBroken: walked.firstBroken,
  }
}

/** One stretch in a worker thread. */
function walkInWorker(input: StretchInput, onProgress: (checked: number) => void): Promise<StretchWalked> {
  const worker = startWorkerEntry('audit-verify-worker', __dirname, input)
  return new Promise((resolve, reject) => {
    worker.on('message', (message: { progress?: number; walked?: StretchWalked; error?: string }) => {
      if (message.progress !== undefined) onProgress(message.progress)
      else if (message.walked) resolve(message.walked)
      else reject(new Error(message.error ?? 'the verification worker answered nothing'))
    })
    worker.once('error', reject)
    worker.once('exit', (code) => reject(new Error(`the verification worker stopped (exit code ${String(code)})`)))
  })
}

/**
 * The chain split into one stretch per core, each walked in its own thread; then the joints: each
 * stretch's first entry must follow the last of the stretch before and link to its hash.
 */
async function walkInWorkers(
  file: NonNullable<VerifyOptions['file']>,
  threads: number,
  upToSeq: number,
  chunkSize: number | undefined,
  onProgress?: (checked: number) => void,
): Promise<Walked> {
  const size = Math.ceil(upToSeq / threads)
  const progress = new Array<number>(threads).fill(0)
  const stretches = await Promise.all(
    progress.map((_, index) =>
      walkInWorker(
        {
          file: file.path,
          ...(file.nativeBinding ? { nativeBinding: file.nativeBinding } : {}),
          afterSeq: index * size,
          upToSeq: Math.min((index + 1) * size, upToSeq),
          ...(chunkSize ? { chunkSize } : {}),
        },
        (checked) => {
          progress[index] = checked
          onProgress?.(progress.reduce((sum, n) => sum + n, 0))
        },
      ),
    ),
  )
  let previous = { seq: 0, hash: genesisHash }
  let checked = 0
  for (const stretch of stretches) {
    const { first } = stretch
    if (first && first.seq !== previous.seq + 1)
      return { checked, headSeq: previous.seq, headHash: previous.hash, firstBroken: missing(previous.seq + 1) }
    if (first && first.prevHash !== previous.hash)
      return {
        checked,
        headSeq: previous.seq,
        headHash: previous.hash,
        firstBroken: { seq: first.seq, reason: 'its link to the previous entry does not match' },
      }
    checked += stretch.checked
    if (stretch.last) previous = stretch.last
    if (stretch.firstBroken)
      return { checked, headSeq: previous.seq, headHash: previous.hash, firstBroken: stretch.firstBroken }
  }
  return { checked, headSeq: previous.seq, headHash: previous.hash, firstBroken: null }
}

const missing = (seq: number) => ({ seq, reason: `entry ${String(seq)} is missing` })

/**
 * Walks the whole chain in chunks, yielding between them so the main process keeps serving the
 * interface, and reports the first broken link; then holds the trail against each checkpoint: the
 * entry it names must still be there with the same hash, which also proves that nothing before it
 * changed and that the tail was not cut off before it.
 */
export async function verifyAuditTrail(sqlite: Sqlite, options: VerifyOptions = {}): Promise<AuditVerification> {
  const hashAt = sqlite.prepare('select hash from audit_entries where seq = ?').pluck(true)
  // The chain as it stands now: entries appended while it is walked are for the next verification.
  const upToSeq = (sqlite.prepare('select coalesce(max(seq), 0) from audit_entries').pluck().get() as number) || 0
  const threads = options.threads ?? (upToSeq >= parallelFrom ? Math.min(availableParallelism(), 8) : 1)
  const walked =
    options.file && threads > 1 && upToSeq >= threads
      ? await walkInWorkers(options.file, threads, upToSeq, options.chunkSize, options.onProgress)
      : await walkHere(sqlite, upToSeq, options.chunkSize, options.onProgress)
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
