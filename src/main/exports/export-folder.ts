import fs from 'node:fs'
import path from 'node:path'

/** Each person's exports lie in their own folder, so a download can only ever reach one's own files. */
export const exportFolderOf = (dataDir: string, userId: number) => path.join(dataDir, 'exports', String(userId))

const safeName = /^[A-Za-z0-9][A-Za-z0-9._-]{0,120}$/

/** The path of one of this person's export files, or null when the name is not theirs or not there. */
export function exportFileOf(dataDir: string, userId: number, name: string): string | null {
  if (!safeName.test(name) || name.includes('..')) return null
  const file = path.join(exportFolderOf(dataDir, userId), name)
  return fs.existsSync(file) && fs.statSync(file).isFile() ? file : null
}

/** A file name that says what it holds and when: audit-2026-11-30T21-04-05Z.csv. */
export const exportName = (kind: string, at: number, extension: string) =>
  `${kind}-${new Date(at)
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-')}.${extension}`
