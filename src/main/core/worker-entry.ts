import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { Worker } from 'node:worker_threads'

/**
 * Starts a worker thread from one of main's worker entries (electron.vite.config.ts builds each
 * beside index.js; the calling code may sit in out/main or out/main/chunks), else from its
 * TypeScript source through tsx's require hook: tests, benches and the command-line tools run
 * from source. `sourceDir` is where the entry's .ts file lies (the caller's __dirname).
 */
export function startWorkerEntry(entryName: string, sourceDir: string, workerData: unknown): Worker {
  const built = [__dirname, path.dirname(__dirname)]
    .map((dir) => path.join(dir, `${entryName}.js`))
    .find((file) => fs.existsSync(file))
  if (built) return new Worker(built, { workerData })
  const source = path.join(sourceDir, `${entryName}.ts`)
  const tsx = createRequire(__filename).resolve('tsx/cjs')
  return new Worker(`require(${JSON.stringify(tsx)}); require(${JSON.stringify(source)})`, { eval: true, workerData })
}
