import { generateKeyPairSync } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import canonicalize from 'canonicalize'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { canonicalAuditContent } from '../../src/main/audit/audit-chain'
import { verifyAuditTrail } from '../../src/main/audit/audit-verifier'
import { canonicalSql } from '../../src/main/audit/chain-walk'
import { checkpointStatement } from '../../src/main/audit/checkpoint'
import type { SignedCheckpoint } from '../../src/main/audit/checkpoint'
import { keyIdOf } from '../../src/main/audit/signing-key'
import { signingKeyFile } from '../../src/main/audit/signing-key'
import { makeTestBackend } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'

let t: TestBackend
let admin = ''
let checkpoint: SignedCheckpoint
let head = 0

/** A copy of the database as an attacker with the file would have it, its guard triggers dropped. */
function attackerCopy(name: string) {
  const copy = path.join(t.dataDir, `${name}.db`)
  const source = new Database(t.backend.databaseFile, { readonly: true })
  source.prepare('vacuum into ?').run(copy)
  source.close()
  const attacker = new Database(copy)
  attacker.exec('drop trigger audit_entries_no_update; drop trigger audit_entries_no_delete;')
  return attacker
}

const installationKey = () => new Set([checkpoint.keyId])

beforeAll(async () => {
  t = makeTestBackend()
  admin = (await t.setupAdmin()).token
  for (let i = 0; i < 6; i += 1)
    await t.ok(
      'users.create',
      {
        username: `user${String(i)}`,
        displayName: `User ${String(i)}`,
        password: 'a long enough passphrase',
        roles: ['requester'],
      },
      admin,
    )
  checkpoint = await t.ok('audit.checkpoint', {}, admin)
  head = checkpoint.seq
})
afterAll(() => t.dispose())

/** Text of every kind: graphemes, any code unit, and the characters JSON escapes. */
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.constant('"\\\n\u2028\u0000\u001f'),
)
const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null })

/** Every field of an entry's content but its seq, with text from `text`. */
const contentFields = (text: fc.Arbitrary<string>) => ({
  at: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  actorId: nullable(fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER })),
  actorName: text,
  action: text,
  entityType: text,
  entityId: nullable(text),
  before: nullable(text),
  after: nullable(text),
  prevHash: fc.stringMatching(/^[0-9a-f]{64}$/),
})

describe('the canonical form an entry is hashed in', () => {
  it('is exactly RFC 8785 (the canonicalize library) for every entry shape, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.record({ seq: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }), ...contentFields(anyText) }),
        (content) => {
          expect(canonicalAuditContent(content)).toBe(canonicalize(content))
        },
      ),
      { numRuns: 2000 },
    )
  })
})

describe('the canonical form SQLite writes for verification', () => {
  it('is exactly the canonical form the appender hashes, for any well-formed text', () => {
    const memory = new Database(':memory:')
    memory.exec(
      'create table audit_entries (seq integer, at integer, actor_id integer, actor_name text, action text, entity_type text, entity_id text, before text, after text, prev_hash text, hash text)',
    )
    const put = memory.prepare(
      'insert into audit_entries (seq, at, actor_id, actor_name, action, entity_type, entity_id, before, after, prev_hash) values (@seq, @at, @actorId, @actorName, @action, @entityType, @entityId, @before, @after, @prevHash)',
    )
    const read = memory.prepare(`select ${canonicalSql} from audit_entries where seq = ?`).pluck()
    // The gate refuses ill-formed text (lone surrogates), so none ever reaches the trail.
    const wellFormed = anyText.filter((value) => !/\p{Cs}/u.test(value))
    let seq = 0
    fc.assert(
      fc.property(fc.record(contentFields(wellFormed)), (fields) => {
        seq += 1
        const content = { seq, ...fields }
        put.run(content)
        expect(read.get(seq)).toBe(canonicalAuditContent(content))
      }),
      { numRuns: 2000 },
    )
    memory.close()
  })
})

describe('checkpoints against truncation', () => {
  it('are signed by the installation key, kept in a file the private half never leaves', async () => {
    expect(checkpoint).toMatchObject({ format: 'gatehouse-audit-checkpoint/1', seq: head })
    expect(fs.statSync(signingKeyFile(t.dataDir)).mode & 0o777).toBe(0o600)
    const verification = await t.ok('audit.verify', {}, admin)
    expect(verification).toMatchObject({ intact: true, checkpoints: { latest: { seq: head }, problems: [] } })
  })

  it('are taken with every backup, naming the backup file, and hold', async () => {
    const backup = await t.ok('system.backup', {}, admin)
    const verification = await t.ok('audit.verify', {}, admin)
    expect(verification).toMatchObject({ intact: true, checkpoints: { problems: [] } })
    const sqlite = new Database(t.backend.databaseFile, { readonly: true })
    const kept = sqlite.prepare("select seq, reference from audit_checkpoints where reason = 'backup'").all()
    sqlite.close()
    expect(kept).toEqual([{ seq: verification.headSeq - 1, reference: path.basename(backup.file) }])
  })

  it('detect removing the last k entries, for every k, against a checkpoint taken before', async () => {
    for (let k = 1; k <= head; k += 1) {
      const attacker = attackerCopy(`truncated-${String(k)}`)
      // The attacker removes the tail and the stored checkpoints; the auditor's file remains.
      attacker.prepare('delete from audit_entries where seq > ?').run(head - k)
      attacker.exec('delete from audit_checkpoints')
      const chainAlone = await verifyAuditTrail(attacker)
      const result = await verifyAuditTrail(attacker, { checkpoints: [checkpoint], trustedKeyIds: installationKey() })
      attacker.close()
      expect(chainAlone.intact, `k=${String(k)}: the chain alone cannot tell`).toBe(true)
      expect(result.intact, `k=${String(k)}`).toBe(false)
      expect(result.checkpoints.problems[0]?.reason).toBe(
        `entry ${String(head)} it names is gone: the trail was cut off after entry ${String(head - k)}`,
      )
    }
  })

  it('detect a rewritten tail chained anew, which the chain alone accepts', async () => {
    const attacker = attackerCopy('rewritten')
    const last = attacker.prepare('select * from audit_entries where seq = ?').get(head) as Record<string, unknown>
    // The checkpoint's own entry follows it; the forger drops both and writes the head anew.
    attacker.prepare('delete from audit_entries where seq >= ?').run(head)
    // A forger who knows the scheme re-hashes the entry he changed.
    const { hashAuditContent } = await import('../../src/main/audit/audit-chain')
    const forged = {
      seq: head,
      at: last.at as number,
      actorId: last.actor_id as number,
      actorName: 'someone else',
      action: last.action as string,
      entityType: last.entity_type as string,
      entityId: last.entity_id as string,
      before: last.before as string,
      after: last.after as string,
      prevHash: last.prev_hash as string,
    }
    attacker
      .prepare(
        'insert into audit_entries (seq, at, actor_id, actor_name, action, entity_type, entity_id, before, after, prev_hash, hash) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(...Object.values(forged), hashAuditContent(forged))
    const chainAlone = await verifyAuditTrail(attacker)
    const result = await verifyAuditTrail(attacker, { checkpoints: [checkpoint], trustedKeyIds: installationKey() })
    attacker.close()
    expect(chainAlone.intact).toBe(true)
    expect(result.checkpoints.problems[0]?.reason).toBe(`entry ${String(head)} no longer has the hash it names`)
  })

  it('detects entries swapped in place at the first of them', async () => {
    const attacker = attackerCopy('reordered')
    const a = attacker.prepare('select * from audit_entries where seq = 3').get() as Record<string, unknown>
    const b = attacker.prepare('select * from audit_entries where seq = 4').get() as Record<string, unknown>
    const put = attacker.prepare(
      'update audit_entries set at = ?, actor_id = ?, actor_name = ?, action = ?, entity_type = ?, entity_id = ?, before = ?, after = ?, prev_hash = ?, hash = ? where seq = ?',
    )
    const fields = (row: Record<string, unknown>) =>
      [
        'at',
        'actor_id',
        'actor_name',
        'action',
        'entity_type',
        'entity_id',
        'before',
        'after',
        'prev_hash',
        'hash',
      ].map((f) => row[f])
    put.run(...fields(b), 3)
    put.run(...fields(a), 4)
    const result = await verifyAuditTrail(attacker)
    attacker.close()
    expect(result.firstBroken?.seq).toBe(3)
  })

  it('refuse a checkpoint signed by another key, and one whose content was changed after signing', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ed25519')
    const { sign } = await import('node:crypto')
    const keyId = keyIdOf(publicKey)
    const statement = { seq: head, hash: checkpoint.hash, at: checkpoint.at, keyId }
    const foreign: SignedCheckpoint = {
      format: 'gatehouse-audit-checkpoint/1',
      ...statement,
      publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      signature: sign(null, Buffer.from(checkpointStatement(statement)), privateKey).toString('base64'),
    }
    const byOther = await t.ok('audit.verify', { checkpoint: foreign }, admin)
    expect(byOther.intact).toBe(false)
    expect(byOther.checkpoints.problems).toEqual([
      { seq: head, at: checkpoint.at, reason: `it is signed by key ${keyId}, which is not this installation's` },
    ])
    const altered = await t.ok('audit.verify', { checkpoint: { ...checkpoint, seq: head - 1 } }, admin)
    expect(altered.checkpoints.problems.map((p) => p.reason)).toEqual(['its signature does not match its content'])
  })
})
