import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const projectRoot = path.resolve(__dirname, '../..')

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(full)
    return /\.(ts|tsx|mts|cts)$/.test(entry.name) ? [full] : []
  })
}

/** A value import of electron in any form; `import type` is erased at build time and allowed. */
const electronImports = [
  /(?:^|\n)\s*(?:import|export)\s+(?!type\b)[^'"]*?from\s*['"]electron(?:\/[^'"]*)?['"]/,
  /(?:^|\n)\s*import\s*['"]electron(?:\/[^'"]*)?['"]/,
  /(?:\brequire|\bimport)\s*\(\s*['"]electron(?:\/[^'"]*)?['"]/,
]

describe('the Electron edge', () => {
  it('is the only code that imports electron: the app entry, the window factory, the IPC transport and the preload', () => {
    const importers = sourceFiles(path.join(projectRoot, 'src'))
      .filter((file) => {
        const source = fs.readFileSync(file, 'utf8')
        return electronImports.some((pattern) => pattern.test(source))
      })
      .map((file) => path.relative(projectRoot, file).split(path.sep).join('/'))
      .sort()

    expect(importers).toEqual([
      'src/main/electron/ipc-transport.ts',
      'src/main/electron/window.ts',
      'src/main/index.ts',
      'src/preload/index.ts',
    ])
  })
})
