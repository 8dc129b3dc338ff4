/** `npm run bench`: runs every *.bench.ts in this folder, one after another, in its own process. */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const dir = __dirname
for (const file of fs
  .readdirSync(dir)
  .filter((name) => name.endsWith('.bench.ts'))
  .sort()) {
  console.log(`\n=== ${file}`)
  execFileSync(process.execPath, ['--import', 'tsx', path.join(dir, file)], { stdio: 'inherit' })
}
