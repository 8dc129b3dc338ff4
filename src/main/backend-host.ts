import type { Backend, BackendOptions } from './backend-types'
import type { DispatchOutcome } from './core/caller'
import { completeRestore, discardRestore } from './db/restore'
import type { AcceptedRestore } from './system/restore-handlers'

/**
 * Runs a backend so that it can be replaced while the transports stay up: a restore closes the
 * running backend (its timers, simulator and database), puts the backup in place and opens a new
 * backend on the same data folder. The Electron window and the HTTP server keep talking to this
 * host, never to a backend that may be gone. Every event stream ends with the restore, so every
 * console goes back to sign-in.
 */
export function hostBackend<B extends Backend>(
  open: (options: Pick<BackendOptions, 'restoreHost'>) => B,
  { now = Date.now, log = console.error }: { now?: () => number; log?: (message: string, error: unknown) => void } = {},
) {
  let pending: AcceptedRestore | null = null
  const restoreHost = {
    restoreAfterReply(restore: AcceptedRestore) {
      pending = restore
    },
  }
  let current = open({ restoreHost })
  const streams = new Set<{ close(): void; ended(): void }>()

  /** Closes the running backend, swaps the files and starts again; the caller learns whether it worked. */
  function restart(restore: AcceptedRestore): string | null {
    for (const stream of [...streams]) stream.ended()
    current.close()
    let failure: string | null = null
    try {
      completeRestore(restore.prepared, {
        now: now(),
        actor: restore.actor,
        after: { preRestoreBackup: restore.preRestoreBackup },
        liveNow: restore.liveNow,
      })
    } catch (error) {
      discardRestore(restore.prepared)
      failure = error instanceof Error ? error.message : String(error)
      log('[gatehouse] restore failed; reopening the database it was to replace', error)
    }
    current = open({ restoreHost })
    return failure
  }

  const host = {
    get dataDir() {
      return current.dataDir
    },
    get databaseFile() {
      return current.databaseFile
    },
    /** The backend running now; it changes with a restore. */
    current: () => current,
    async dispatch(path: string, input: unknown, caller: Parameters<Backend['dispatch']>[2]): Promise<DispatchOutcome> {
      const outcome = await current.dispatch(path, input, caller)
      const restore = pending
      if (!restore) return outcome
      pending = null
      const failure = restart(restore)
      // The caller's token stays with its transport: its next call is told, by the restored
      // database, that a restore ended the session.
      if (failure === null) return outcome
      return {
        result: {
          ok: false,
          error: {
            code: 'INTERNAL',
            message: `The restore did not complete: ${failure} The database in use is the one before; the backup ${restore.preRestoreBackup} was taken of it.`,
          },
        },
        sessionChange: null,
      }
    },
    openEventStream(token: string, deliver: Parameters<Backend['openEventStream']>[1], onEnded: () => void) {
      const stream = current.openEventStream(token, deliver, onEnded)
      if (!stream) return null
      const tracked = {
        close() {
          streams.delete(tracked)
          stream.close()
        },
        ended() {
          tracked.close()
          onEnded()
        },
      }
      streams.add(tracked)
      return { close: () => tracked.close() }
    },
    exportFile: (token: string, name: string) => current.exportFile(token, name),
    close: () => current.close(),
  } satisfies Backend & { current(): B }
  return host
}
