import type { AuditVerification } from '../../shared/contract/audit'
import type { Sqlite } from '../db/database'
import { genesisHash } from './audit-chain'
import { chunkWalker, missingEntry, type ChunkWalked } from './chain-walk'

/**
 * The chain cut into chunks of `chunkSize` seqs, handed out one at a time to whichever thread asks
 * next (this one and any workers) through shared memory: a thread that is quicker, or was walking
 * while a worker still started, takes more, so none sits idle while another has work.
 */
export interface ChunkPlan {
  /** The trail's lowest seq: the chain starts at 1, and the walk reads from there. */
  firstSeq: number
  /** The head when the walk began: entries appended meanwhile are for the next verification. */
  upToSeq: number
  chunkSize: number
  /** Two shared counters: the next chunk to hand out, and the first chunk found broken so far. */
  counters: SharedArrayBuffer
}

const nextChunk = 0
const firstBrokenChunk = 1

const chunkCount = (plan: ChunkPlan) => Math.ceil(plan.upToSeq / plan.chunkSize)

/** The plan for the chain as it stands in `sqlite` now. */
export function planChunks(sqlite: Sqlite, chunkSize: number): ChunkPlan {
  const [firstSeq, upToSeq] = sqlite
    .prepare('select coalesce(min(seq), 1), coalesce(max(seq), 0) from audit_entries')
    .raw(true)
    .get() as [number, number]
  const plan = { firstSeq, upToSeq, chunkSize, counters: new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT) }
  new Int32Array(plan.counters)[firstBrokenChunk] = chunkCount(plan)
  return plan
}

export interface WalkedChunk extends ChunkWalked {
  index: number
}

/**
 * Claims chunks and walks each, until none is left, or every chunk left lies after one found
 * broken: a verification reports the first break only, and the chunks before it are all claimed
 * already (claims go in order), so they will be walked.
 */
export function* walkClaimedChunks(sqlite: Sqlite, plan: ChunkPlan): Generator<WalkedChunk> {
  const walk = chunkWalker(sqlite)
  const counters = new Int32Array(plan.counters)
  const count = chunkCount(plan)
  for (;;) {
    const index = Atomics.add(counters, nextChunk, 1)
    if (index >= count || index > Atomics.load(counters, firstBrokenChunk)) return
    const afterSeq = index * plan.chunkSize
    const walked = walk(afterSeq, Math.min(afterSeq + plan.chunkSize, plan.upToSeq))
    if (walked.firstBroken) lowerTo(counters, firstBrokenChunk, index)
    yield { index, ...walked }
  }
}

/** Lowers a shared counter to `value` unless another thread has put it lower already. */
function lowerTo(counters: Int32Array, slot: number, value: number): void {
  for (let seen = Atomics.load(counters, slot); seen > value;) {
    const was = Atomics.compareExchange(counters, slot, seen, value)
    if (was === seen) return
    seen = was
  }
}

export type ChainWalked = Pick<AuditVerification, 'checked' | 'headSeq' | 'headHash' | 'firstBroken'>

/**
 * The chunks joined in order of seq, from the genesis: each chunk's first entry must follow the
 * last of the chunk before and link to its hash. Stops at the first break.
 */
export function joinChunks(chunks: readonly WalkedChunk[], plan: ChunkPlan): ChainWalked {
  const byIndex = new Map(chunks.map((chunk) => [chunk.index, chunk]))
  let previous = { seq: 0, hash: genesisHash }
  let checked = 0
  const broken = (firstBroken: NonNullable<ChainWalked['firstBroken']>): ChainWalked => ({
    checked,
    headSeq: previous.seq,
    headHash: previous.hash,
    firstBroken,
  })
  // An entry before 1 (the application never writes one) lies outside every chunk, and would
  // otherwise stand in the trail, on the audit page, unchecked.
  if (plan.firstSeq < 1) return broken({ seq: plan.firstSeq, reason: 'it lies before the first entry of the chain' })
  for (let index = 0; index < chunkCount(plan); index += 1) {
    const chunk = byIndex.get(index)
    // Every chunk up to the first break is claimed and walked; one missing is a fault, never a pass.
    if (!chunk) throw new Error(`chunk ${String(index)} of the audit chain was not walked`)
    const { first } = chunk
    if (first && first.seq !== previous.seq + 1) return broken(missingEntry(previous.seq + 1))
    if (first && first.prevHash !== previous.hash)
      return broken({ seq: first.seq, reason: 'its link to the previous entry does not match' })
    checked += chunk.checked
    if (chunk.last) previous = chunk.last
    if (chunk.firstBroken) return broken(chunk.firstBroken)
  }
  return { checked, headSeq: previous.seq, headHash: previous.hash, firstBroken: null }
}
