import { startWorkerEntry } from '../core/worker-entry'
import type { FileVerdict } from './database-file-check'

export interface FullCheckInput {
  file: string
  /** Electron's build of better-sqlite3, as the backend opened the database with. */
  nativeBinding?: string
}

export interface FullCheckOutcome {
  verdict: FileVerdict
  pages: number
  durationMs: number
}

export interface RunningCheck {
  done: Promise<FullCheckOutcome>
  /** Stops the worker (the backend closing); `done` then rejects. */
  stop(): void
}

/**
 * SQLite's full integrity check of the file in a worker thread with its own read-only connection,
 * so the main process keeps serving the console while it reads every page. The check reads one
 * snapshot: writes committed meanwhile wait in the write-ahead log until it ends.
 */
export function startFullCheck(input: FullCheckInput): RunningCheck {
  const worker = startWorkerEntry('integrity-check-worker', __dirname, input)
  // Closing the app does not wait for a check to finish.
  worker.unref()
  const done = new Promise<FullCheckOutcome>((resolve, reject) => {
    let answered = false
    worker.once('message', (answer: FullCheckOutcome | { error: string }) => {
      answered = true
      if ('error' in answer) reject(new Error(answer.error))
      else resolve(answer)
    })
    worker.once('error', reject)
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`the check's worker stopped (exit code ${String(code)}) before answering`))
    })
  })
  return { done, stop: () => void worker.terminate() }
}
