import type { Connection } from '../../connection/connection'
import { toProblem } from '../../errors/problem'
import type { AuditSlice, Visit } from './audit-slice'
import { jsonFile, saveFile } from '../exports/save-file'

/** A signed checkpoint of the chain's head, saved as a file for the auditor to keep outside Gatehouse. */
export interface CheckpointSlice {
  checkpointing: boolean
  /** The checkpoint last saved: the entry it names and the file it went to. */
  savedCheckpoint: { seq: number; fileName: string } | null
  checkpointProblem: string | null
  saveCheckpoint(): Promise<void>
  dismissCheckpoint(): void
}

export const checkpointClosed = {
  checkpointing: false,
  savedCheckpoint: null,
  checkpointProblem: null,
} satisfies Partial<CheckpointSlice>

export const checkpointFileName = (seq: number): string => `gatehouse-checkpoint-${String(seq)}.json`

export function checkpointSlice({ api }: Connection, visit: Visit): AuditSlice<CheckpointSlice> {
  return (set, get) => ({
    ...checkpointClosed,

    async saveCheckpoint() {
      if (get().checkpointing) return
      const asked = visit.current
      set({ checkpointing: true, checkpointProblem: null })
      try {
        const checkpoint = await api.audit.checkpoint({})
        if (asked !== visit.current) return
        const fileName = checkpointFileName(checkpoint.seq)
        saveFile(fileName, jsonFile(checkpoint))
        set({ checkpointing: false, savedCheckpoint: { seq: checkpoint.seq, fileName } })
      } catch (error) {
        if (asked !== visit.current) return
        set({ checkpointing: false, checkpointProblem: toProblem(error).message })
      }
    },

    dismissCheckpoint() {
      set({ savedCheckpoint: null, checkpointProblem: null })
    },
  })
}
