import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { strToU8, zipSync } from 'fflate'
import { unparse } from 'papaparse'

export type PackFiles = Record<string, string | Uint8Array>

const bytesOf = (content: string | Uint8Array) => (typeof content === 'string' ? strToU8(content) : content)
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

/**
 * One ZIP archive of the files given, plus SHA256SUMS (in `sha256sum -c` form) so a reviewer can
 * check each file was not changed after it left Gatehouse. Written whole, then renamed into place.
 */
export function writePack(file: string, files: PackFiles): { path: string; bytes: number; sha256: string } {
  const entries = Object.fromEntries(Object.entries(files).map(([name, content]) => [name, bytesOf(content)]))
  const sums = Object.entries(entries)
    .map(([name, bytes]) => `${sha256(bytes)}  ${name}`)
    .join('\n')
  const zip = zipSync({ ...entries, SHA256SUMS: strToU8(`${sums}\n`) }, { level: 6 })
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(`${file}.partial`, zip)
  fs.renameSync(`${file}.partial`, file)
  return { path: file, bytes: zip.length, sha256: sha256(zip) }
}

/**
 * Rows as CSV text by papaparse (quoting commas, quotes and line breaks), with the header named
 * here, so a file with no rows still says what it would hold.
 */
export function toCsv<Row extends object>(rows: readonly Row[], fields: readonly (keyof Row & string)[]): string {
  const text = unparse(
    { fields: [...fields], data: rows.map((row) => fields.map((field) => row[field])) },
    { newline: '\n' },
  )
  return text.endsWith('\n') ? text : `${text}\n`
}
