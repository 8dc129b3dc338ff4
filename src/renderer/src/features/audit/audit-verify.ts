import type { AuditVerification, SignedCheckpointDto } from '../../../../shared/contract/audit'
import type { Connection } from '../../connection/connection'
import { toProblem } from '../../errors/problem'
import type { AuditSlice, Visit } from './audit-slice'

/** The walk of the hash chain, held against the stored checkpoints and, on demand, a checkpoint file. */
export interface VerifySlice {
  verification: AuditVerification | null
  /** The name of the checkpoint file the last verification also held the trail against. */
  verifiedFile: string | null
  verifying: boolean
  verifyProblem: string | null
  verify(): Promise<void>
  /** Verifies against a checkpoint file the auditor kept; a file that is not one gets the gate's answer. */
  verifyAgainstFile(file: File): Promise<void>
}

export const verifyClosed = {
  verification: null,
  verifiedFile: null,
  verifying: false,
  verifyProblem: null,
} satisfies Partial<VerifySlice>

export function verifySlice({ api }: Connection, visit: Visit): AuditSlice<VerifySlice> {
  return (set) => {
    const run = async (checkpoint: SignedCheckpointDto | undefined, file: string | null): Promise<void> => {
      const asked = visit.current
      set({ verifying: true, verifyProblem: null })
      try {
        const verification = await api.audit.verify(checkpoint ? { checkpoint } : {})
        if (asked !== visit.current) return
        set({ verification, verifiedFile: file, verifying: false })
      } catch (error) {
        if (asked !== visit.current) return
        set({ verifying: false, verifyProblem: toProblem(error).message })
      }
    }

    return {
      ...verifyClosed,
      verify: () => run(undefined, null),
      async verifyAgainstFile(file) {
        let content: unknown
        try {
          content = JSON.parse(await file.text())
        } catch {
          set({ verifyProblem: `${file.name} is not a checkpoint file: it does not hold JSON.` })
          return
        }
        // The gate checks the file's shape; its VALIDATION message says what is wrong with it.
        await run(content as SignedCheckpointDto, file.name)
      },
    }
  }
}
