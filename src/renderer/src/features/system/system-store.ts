import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { ProcedureOutput } from '../../../../shared/contract/procedures'
import type { BackupDto, BackupSchedule } from '../../../../shared/contract/system'
import type { Connection } from '../../connection/connection'
import { toProblem } from '../../errors/problem'
import type { Problem } from '../../errors/problem'

export type SystemInfo = ProcedureOutput<'system.info'>
type BackupsPage = ProcedureOutput<'system.backups'>

export interface SystemState {
  info: SystemInfo | null
  infoProblem: string | null
  backups: BackupDto[]
  total: number
  offset: number
  limit: number
  schedule: BackupsPage['schedule'] | null
  backupsDir: string | null
  nextDueAt: number | null
  lastFailure: BackupsPage['lastFailure']
  loading: boolean
  problem: string | null
  backingUp: boolean
  /** The backup "Back up now" took, confirmed beside the button. */
  taken: BackupDto | null
  backupProblem: string | null
  savingSchedule: boolean
  scheduleProblem: Problem | null
  scheduleSaved: boolean
  /** Loads both sections and follows backups taken elsewhere (the schedule); the returned function stops that. */
  open(): () => void
  setPage(page: number): void
  setLimit(limit: number): void
  backUpNow(): Promise<void>
  saveSchedule(schedule: BackupSchedule): Promise<void>
  /** A finding of the form's own, shown like the server's. */
  refuseSchedule(problem: Problem): void
  /** The backup whose restore is being confirmed, or null. */
  restoring: BackupDto | null
  restoreSaving: boolean
  restoreProblem: Problem | null
  openRestore(backup: BackupDto): void
  closeRestore(): void
  /** Signs and asks for the restore; resolves what to tell the person at sign-in, or null when refused. */
  restore(password: string): Promise<string | null>
}

export type SystemStore = StoreApi<SystemState>

const closed = {
  info: null,
  infoProblem: null,
  backups: [],
  total: 0,
  offset: 0,
  schedule: null,
  backupsDir: null,
  nextDueAt: null,
  lastFailure: null,
  loading: false,
  problem: null,
  backingUp: false,
  taken: null,
  backupProblem: null,
  savingSchedule: false,
  scheduleProblem: null,
  scheduleSaved: false,
  restoring: null,
  restoreSaving: false,
  restoreProblem: null,
} satisfies Partial<SystemState>

/** The Admin page's system information, backups and backup schedule. */
export function createSystemStore({ api, transport }: Connection): SystemStore {
  // Bumped per request so a slow answer to an older page never overwrites a newer one.
  let latestLoad = 0

  return createStore<SystemState>()((set, get) => {
    const loadInfo = async (): Promise<void> => {
      try {
        set({ info: await api.system.info({}), infoProblem: null })
      } catch (error) {
        set({ infoProblem: toProblem(error).message })
      }
    }

    const loadBackups = async (): Promise<void> => {
      const asked = ++latestLoad
      const { offset, limit } = get()
      set({ loading: true })
      try {
        const page = await api.system.backups({ offset, limit })
        if (asked !== latestLoad) return
        set({
          backups: page.items,
          total: page.total,
          schedule: page.schedule,
          backupsDir: page.backupsDir,
          nextDueAt: page.nextDueAt,
          lastFailure: page.lastFailure,
          loading: false,
          problem: null,
        })
      } catch (error) {
        if (asked === latestLoad) set({ loading: false, problem: toProblem(error).message })
      }
    }

    return {
      ...closed,
      limit: 10,

      open() {
        set(closed)
        const unsubscribe = transport.subscribe('system.backupsChanged', () => void loadBackups())
        void loadInfo()
        void loadBackups()
        return () => {
          unsubscribe()
          latestLoad++
          set(closed)
        }
      },

      setPage(page) {
        set({ offset: page * get().limit })
        void loadBackups()
      },

      setLimit(limit) {
        set({ limit, offset: 0 })
        void loadBackups()
      },

      async backUpNow() {
        set({ backingUp: true, backupProblem: null, taken: null })
        try {
          const taken = await api.system.backup({})
          set({ backingUp: false, taken, offset: 0 })
          void loadBackups()
        } catch (error) {
          set({ backingUp: false, backupProblem: toProblem(error).message })
        }
      },

      async saveSchedule(schedule) {
        set({ savingSchedule: true, scheduleProblem: null, scheduleSaved: false })
        try {
          const saved = await api.system.setBackupSchedule(schedule)
          set({ savingSchedule: false, scheduleSaved: true, schedule: saved })
          void loadBackups()
        } catch (error) {
          set({ savingSchedule: false, scheduleProblem: toProblem(error) })
        }
      },

      refuseSchedule: (problem) => set({ scheduleProblem: problem, scheduleSaved: false }),

      openRestore: (backup) => set({ restoring: backup, restoreProblem: null }),
      closeRestore: () => set({ restoring: null, restoreProblem: null }),

      async restore(password) {
        const backup = get().restoring
        if (!backup) return null
        set({ restoreSaving: true, restoreProblem: null })
        try {
          const done = await api.database.restore({ backupId: backup.id, password })
          set({ restoreSaving: false, restoring: null })
          return `The database was restored from ${done.restoredFrom}. What was recorded until the restore is kept in backup ${done.preRestoreBackup}. Every session ended: sign in again.`
        } catch (error) {
          set({ restoreSaving: false, restoreProblem: toProblem(error) })
          return null
        }
      },
    }
  })
}
