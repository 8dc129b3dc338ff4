import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { Worker } from 'node:worker_threads'
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

const entryName = 'integrity-check-worker'

/**
 * The built entry (electron-vite builds it beside index.js; this code may sit in out/main or
 * out/main/chunks), else the TypeScript source, loaded through tsx's require hook: tests, benches
 * and the command-line tools run from source.
 */
function startWorker(workerData: FullCheckInput): Worker {
  const built = [__dirname, path.dirname(__dirname)]
    .map((dir) => path.join(dir, `${entryName}.js`))
    .find((file) => fs.existsSync(file))
  if (built) return new Worker(built, { workerData })
  const source = path.join(__dirname, `${entryName}.ts`)
  const tsx = createRequire(__filename).resolve('tsx/cjs')
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(source)})`, { eval: true, workerData })
}

/**
 * SQLite's full integrity check of the file in a worker thread with its own read-only connection,
 * so the main process keeps serving the console while it reads every page. The check reads one
 * snapshot: writes committed meanwhile wait in the write-ahead log until it ends.
 */
export function startFullCheck(input: FullCheckInput): RunningCheck {
  const worker = startWorker(input)
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
