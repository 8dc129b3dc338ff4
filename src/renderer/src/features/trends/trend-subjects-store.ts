import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { InstrumentDto } from '../../../../shared/contract/instruments'
import type { PermitCardDto } from '../../../../shared/contract/permits'
import type { ProcedureOutput } from '../../../../shared/contract/procedures'
import type { SpaceDto } from '../../../../shared/contract/spaces'
import type { TrendSubject } from '../../../../shared/contract/trends'
import type { Connection } from '../../connection/connection'
import { toProblem } from '../../errors/problem'

export type RegisterRow = ProcedureOutput<'permits.register'>['items'][number]

/** What a trend can be of, as the picker offers it. */
export interface TrendSubjects {
  /** Every permit, newest first (the register's first page). */
  permits: RegisterRow[]
  spaces: SpaceDto[]
  instruments: InstrumentDto[]
  /** Live permits, for the one to open on. */
  board: PermitCardDto[]
}

export interface TrendSubjectsState {
  subjects: TrendSubjects | null
  problem: string | null
  /** Reads what the picker offers (once per visit to the tab). */
  load(): Promise<void>
}

export type TrendSubjectsStore = StoreApi<TrendSubjectsState>

const mostListed = 200

/**
 * The chart a safety officer sees first: the first active permit, else the space of a live permit
 * whose monitors report, else the instrument that read last, else the first space.
 */
export function defaultSubject({ board, instruments, spaces }: TrendSubjects): TrendSubject | null {
  const active = board.find((card) => card.state === 'active')
  if (active) return { kind: 'permit', permitId: active.id }
  const reporting = board.find((card) => card.liveValues.length > 0)
  if (reporting) return { kind: 'space', spaceId: reporting.spaceId }
  const lastRead = instruments
    .filter((instrument) => instrument.lastReadingAt !== null)
    .sort((a, b) => (b.lastReadingAt ?? 0) - (a.lastReadingAt ?? 0))[0]
  if (lastRead) return { kind: 'instrument', instrumentId: lastRead.id }
  const space = spaces[0]
  return space ? { kind: 'space', spaceId: space.id } : null
}

export function createTrendSubjectsStore({ api }: Connection): TrendSubjectsStore {
  return createStore<TrendSubjectsState>()((set) => ({
    subjects: null,
    problem: null,
    async load() {
      try {
        const [permits, spaces, instruments, board] = await Promise.all([
          api.permits.register({ limit: mostListed }),
          api.spaces.list({ limit: mostListed }),
          api.instruments.list({ limit: mostListed }),
          api.permits.board({}),
        ])
        set({
          subjects: {
            permits: permits.items,
            spaces: spaces.items,
            instruments: instruments.items,
            board: board.cards,
          },
          problem: null,
        })
      } catch (error) {
        set({ problem: toProblem(error).message })
      }
    },
  }))
}
