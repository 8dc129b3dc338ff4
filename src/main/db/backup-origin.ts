import fs from 'node:fs'
import path from 'node:path'
import type { Sqlite } from './database'

/**
 * Why a Gatehouse database cannot be shown to come from the installation whose key is `keyId`,
 * or null. Every installation records its public key at first start, before any backup can be
 * taken, so its backups all hold it. A data folder without a key yet (a fresh machine) takes any.
 */
export function foreignKeyProblem(sqlite: Sqlite, keyId: string | null): string | null {
  if (keyId === null) return null
  const hasKeys = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = 'signing_keys'").get()
  if (!hasKeys) return `it records no signing keys, so nothing shows it comes from this installation (key ${keyId})`
  const keyIds = sqlite.prepare('select key_id from signing_keys').pluck().all() as string[]
  if (keyIds.includes(keyId)) return null
  return `it comes from another installation: its keys are ${keyIds.join(', ') || 'none'}, this data folder’s is ${keyId}`
}

/** Why this version of Gatehouse cannot run the database, or null: a newer version applied migrations it does not know. */
export function newerSchemaProblem(sqlite: Sqlite, migrationsFolder: string): string | null {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { when: number }[]
  }
  const known = Math.max(...journal.entries.map((entry) => entry.when))
  const applied = sqlite.prepare('select max(created_at) from __drizzle_migrations').pluck().get() as number | null
  return applied !== null && applied > known
    ? 'it was written by a newer version of Gatehouse: its schema has migrations this version does not know'
    : null
}
