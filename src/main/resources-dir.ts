import fs from 'node:fs'
import path from 'node:path'

/**
 * `resources/` at the project root: the nearest one above this code. Bundling may move this
 * file (into out/main or out/main/chunks), so the path is found, not assumed.
 */
function findResourcesDir(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'resources')
    if (fs.existsSync(path.join(candidate, 'migrations', 'meta', '_journal.json'))) return candidate
    if (path.dirname(dir) === dir) throw new Error(`Gatehouse could not find its resources folder above ${start}.`)
  }
}

export const resourcesDir = findResourcesDir(__dirname)
export const migrationsFolder = path.join(resourcesDir, 'migrations')
