import type { AuditVerification } from '../../shared/contract/audit'
import type { Sqlite } from '../db/database'
import { genesisHash } from './audit-chain'
import { chunkWalker, type ChunkWalked } from './chain-walk'

/**
 * The chain cut into chunks of `chunkSize` seqs, handed out one at a time to whichever thread asks
 * next (this one and any workers) through shared memory: a thread that is quicker, or was walking
 * while a worker still started, takes more, so none sits idle while another has work.
 */
export interface ChunkPlan {
  upToSeq: number
  chunkSize: number
  /** Two shared counters: the next chunk to hand out, and the first chunk found broken so far. */
  counters: SharedArrayBuffer
}

const nextChunk = 0
const firstBrokenChunk = 1

const chunkCount = (plan: ChunkPlan) => Math.ceil(plan.upToSeq / plan.chunkSize)

export function planChunks(upToSeq: number, chunkSize: number): ChunkPlan {
  const plan = { upToSeq, chunkSize, counters: new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT) }
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
  for (let index = 0; index < chunkCount(plan); index += 1) {
    const chunk = byIndex.get(index)
    // Every chunk up to the first break is claimed and walked; one missing is a fault, never a pass.
    if (!chunk) throw new Error(`chunk ${String(index)} of the audit chain was not walked`)
    const { first } = chunk
    if (first && first.seq !== previous.seq + 1)
      return broken({ seq: previous.seq + 1, reason: `entry ${String(previous.seq + 1)} is missing` })
    if (first && first.prevHash !== previous.hash)
      return broken({ seq: first.seq, reason: 'its link to the previous entry does not match' })
    checked += chunk.checked
    if (chunk.last) previous = chunk.last
    if (chunk.firstBroken) return broken(chunk.firstBroken)
  }
  return { checked, headSeq: previous.seq, headHash: previous.hash, firstBroken: null }
}
