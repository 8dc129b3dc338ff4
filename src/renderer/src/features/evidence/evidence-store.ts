import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { ExportFileDto } from '../../../../shared/contract/exports'
import type { ProcedureOutput } from '../../../../shared/contract/procedures'
import type { Connection } from '../../connection/connection'
import { toProblem } from '../../errors/problem'
import type { Problem } from '../../errors/problem'
import { workstationZone } from '../../format/time'

export type PackKind = 'permit' | 'annual'
export type RegisterRow = ProcedureOutput<'permits.register'>['items'][number]

export interface EvidenceState {
  /** The desktop window shows where a pack was written; a browser downloads it. */
  desktop: boolean
  writing: PackKind | null
  written: { kind: PackKind; file: ExportFileDto } | null
  problem: { kind: PackKind; problem: Problem } | null
  /** Permits to pick from: the register's newest 200. */
  choices: RegisterRow[]
  loadChoices(): Promise<void>
  /** A permit's pack; called from its print view on the desktop, the printed permit goes in too. */
  permitPack(permitId: number): Promise<void>
  annualReview(year: number, siteId: number | null): Promise<void>
  clear(): void
}

export type EvidenceStore = StoreApi<EvidenceState>

/** Evidence packs for reviewers: each written by main into the person's exports folder. */
export function createEvidenceStore({ api, desktop }: Connection): EvidenceStore {
  return createStore<EvidenceState>()((set) => {
    async function write(kind: PackKind, run: () => Promise<ExportFileDto>) {
      set({ writing: kind, written: null, problem: null })
      try {
        set({ written: { kind, file: await run() }, writing: null })
      } catch (error) {
        set({ problem: { kind, problem: toProblem(error) }, writing: null })
      }
    }
    return {
      desktop,
      writing: null,
      written: null,
      problem: null,
      choices: [],
      async loadChoices() {
        try {
          set({ choices: (await api.permits.register({ limit: 200 })).items })
        } catch (error) {
          set({ problem: { kind: 'permit', problem: toProblem(error) } })
        }
      },
      permitPack: (permitId) => write('permit', () => api.evidence.permitPack({ permitId })),
      annualReview: (year, siteId) =>
        // The year ends at midnight where the review is asked for, not in UTC.
        write('annual', () =>
          api.evidence.annualReview({ year, timeZone: workstationZone(), ...(siteId === null ? {} : { siteId }) }),
        ),
      clear: () => set({ written: null, problem: null }),
    }
  })
}
