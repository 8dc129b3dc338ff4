/**
 * `npm run db:restore -- --data-dir DIR --from FILE`: puts a backup in place of the data folder's
 * database, with the console stopped. Exit code 0 when restored, 1 when refused (a damaged or
 * foreign file, a newer version's file, or the console still running), 2 when used wrongly or
 * unable to run. Nothing changes unless it exits 0.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { migrationsFolder } from '../resources-dir'
import { RestoreRefused, restoreBackup } from './restore'

const usage = 'Usage: npm run db:restore -- --data-dir DIR --from FILE'

function stop(code: 1 | 2, message: string): never {
  console.error(message)
  process.exit(code)
}

/** Who restored, as the restored audit trail names them: the operating-system account. */
function restorer(): string {
  try {
    return `db:restore (${os.userInfo().username})`
  } catch {
    return 'db:restore'
  }
}

function main() {
  let values
  try {
    ;({ values } = parseArgs({ options: { 'data-dir': { type: 'string' }, from: { type: 'string' } } }))
  } catch (error) {
    stop(2, `${(error as Error).message}\n${usage}`)
  }
  const dataDir = values['data-dir']
  const from = values.from
  if (!dataDir || !from) stop(2, usage)
  if (!fs.existsSync(from) || !fs.statSync(from).isFile()) stop(2, `There is no file at ${from}.\n${usage}`)
  try {
    const { database, aside } = restoreBackup({
      dataDir: path.resolve(dataDir),
      from: path.resolve(from),
      migrationsFolder,
      now: Date.now(),
      actor: { id: null, name: restorer() },
    })
    console.log(`Restored ${from} into ${database}.`)
    console.log(aside ? `The database it replaced is kept as ${aside}.` : 'There was no database there before.')
    console.log(`Check its audit trail with: npm run audit:verify -- --data-dir ${dataDir}`)
  } catch (error) {
    if (error instanceof RestoreRefused) stop(1, `Refused: ${error.message}`)
    stop(2, `Could not restore: ${(error as Error).message}`)
  }
}

main()
