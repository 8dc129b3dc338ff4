import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { setImmediate as yieldToEventLoop } from 'node:timers/promises'

export interface WrittenFile {
  path: string
  bytes: number
  sha256: string
}

/**
 * Writes a file from chunks of text as they are produced, hashing as it goes, and yields between
 * chunks so the console stays responsive; the file appears under its name only once complete.
 */
export async function writeStreamed(
  file: string,
  chunks: AsyncIterable<string> | Iterable<string>,
): Promise<WrittenFile> {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const partial = `${file}.partial`
  const out = fs.createWriteStream(partial)
  const hash = createHash('sha256')
  let bytes = 0
  try {
    for await (const chunk of chunks) {
      const buffer = Buffer.from(chunk, 'utf8')
      hash.update(buffer)
      bytes += buffer.length
      if (!out.write(buffer)) await new Promise<void>((resolve) => out.once('drain', () => resolve()))
      await yieldToEventLoop()
    }
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())))
    fs.renameSync(partial, file)
  } catch (error) {
    out.destroy()
    fs.rmSync(partial, { force: true })
    throw error
  }
  return { path: file, bytes, sha256: hash.digest('hex') }
}
