import type { EventMessage } from '../shared/contract/events'
import type { Dispatch } from './core/caller'
import type { RestoreHost } from './system/restore-handlers'

/** The whole Gatehouse backend, independent of any transport. */
export interface Backend {
  dispatch: Dispatch
  /**
   * Delivers every event this session may read, filtered by the policy at delivery time.
   * Returns null when the token is not a live session. `onEnded` runs when the session ends
   * (logout, idle expiry, deactivation); the stream is closed by then.
   */
  openEventStream(
    token: string,
    deliver: (message: EventMessage) => void,
    onEnded: () => void,
  ): { close(): void } | null
  /** The path of one of this session's export files, for download; null when not theirs or not there. */
  exportFile(token: string, name: string): string | null
  readonly dataDir: string
  readonly databaseFile: string
  close(): void
}

export interface BackendOptions {
  dataDir: string
  /** What can close this backend and open it again on a restored database; without one, restores are refused. */
  restoreHost?: RestoreHost
  /** Path to an Electron build of better-sqlite3; plain Node uses the one npm installed. */
  nativeBinding?: string
}
