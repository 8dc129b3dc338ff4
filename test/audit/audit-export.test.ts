import { createHash } from 'node:crypto'
import fs from 'node:fs'
import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkpointProblem } from '../../src/main/audit/checkpoint'
import type { SignedCheckpoint } from '../../src/main/audit/checkpoint'
import { startHttpServer } from '../../src/main/http/http-server'
import type { RunningHttpServer } from '../../src/main/http/http-server'
import type { EventMessage } from '../../src/shared/contract/events'
import { makeTestBackend, testPassword } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'

let t: TestBackend
let admin = ''
let auditor = { token: '', id: 0 }
let server: RunningHttpServer
const published: EventMessage[] = []

beforeAll(async () => {
  t = makeTestBackend()
  admin = (await t.setupAdmin()).token
  for (let i = 0; i < 30; i += 1)
    await t.ok(
      'users.create',
      {
        username: `user${String(i)}`,
        displayName: `User, "${String(i)}"`,
        password: testPassword,
        roles: ['requester'],
      },
      admin,
    )
  const session = await t.userWithRoles(admin, 'audrey', ['auditor'])
  auditor = { token: session.token, id: session.user.id }
  t.backend.bus.subscribe((message) => published.push(message))
  server = await startHttpServer(t.backend, { host: '127.0.0.1', port: 0 })
})
afterAll(async () => {
  await server.close()
  t.dispose()
})

const headerOf = (text: string) =>
  JSON.parse(text.split('\n')[0]?.replace(/^# /, '') ?? '{}') as {
    filter: unknown
    range: { toSeq: number }
    checkpoint: SignedCheckpoint
  }

describe('exporting the audit trail', () => {
  it('writes the whole trail as CSV, newest first, ending at a signed checkpoint, with progress as it goes', async () => {
    const before = t.auditCount()
    const file = await t.ok('audit.export', { format: 'csv' }, auditor.token)
    const text = fs.readFileSync(file.path, 'utf8')
    expect(createHash('sha256').update(text).digest('hex')).toBe(file.sha256)
    const head = headerOf(text)
    expect(head.range.toSeq).toBe(before)
    expect(head.checkpoint).toMatchObject({ seq: before, hash: file.checkpoint.hash })
    expect(checkpointProblem(head.checkpoint, new Set([head.checkpoint.keyId]))).toBeNull()
    const parsed = Papa.parse<Record<string, string>>(text, { header: true, comments: '#', skipEmptyLines: true })
    expect(parsed.errors).toEqual([])
    expect(parsed.data.map((row) => Number(row.seq))).toEqual(Array.from({ length: before }, (_, i) => before - i))
    // Commas and quotes in names survive the CSV round trip.
    expect(parsed.data.filter((row) => row.action === 'user.created').map((row) => row.summary)).toContain(
      'Account User, "7" (user7) created',
    )
    expect(parsed.data[0]).toHaveProperty('timestamp')
    expect(t.auditCount()).toBe(before + 1)
    const progress = published.filter((m) => m.name === 'exports.progress').map((m) => m.payload)
    expect(progress.at(0)).toMatchObject({ written: 0, total: before, userId: auditor.id })
    expect(progress.at(-1)).toMatchObject({ written: before, total: before })
  })

  it('writes a filtered trail as JSON that states its filter and holds only what matches', async () => {
    const file = await t.ok(
      'audit.export',
      { format: 'json', filter: { action: 'user.created', text: 'user1*' } },
      auditor.token,
    )
    const body = JSON.parse(fs.readFileSync(file.path, 'utf8')) as {
      filter: unknown
      entries: { action: string; summary: string }[]
    }
    expect(body.filter).toEqual({ action: 'user.created', text: 'user1*' })
    expect(body.entries.length).toBe(file.rows)
    // user1 and user10 to user19 (prefix match), plus nothing else.
    expect(body.entries).toHaveLength(11)
    for (const entry of body.entries) expect(entry.action).toBe('user.created')
  })

  it('hands a file to its owner over HTTP, and to nobody else', async () => {
    const file = await t.ok('audit.export', { format: 'csv' }, auditor.token)
    const get = (name: string, token: string) =>
      fetch(`${server.url}/api/exports/${name}`, { headers: { authorization: `Bearer ${token}` } })
    const mine = await get(file.name, auditor.token)
    expect(mine.status).toBe(200)
    expect(mine.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(
      createHash('sha256')
        .update(Buffer.from(await mine.arrayBuffer()))
        .digest('hex'),
    ).toBe(file.sha256)
    expect((await get(file.name, admin)).status).toBe(404)
    expect((await get('..%2F..%2Fgatehouse.db', auditor.token)).status).toBe(404)
    expect((await fetch(`${server.url}/api/exports/${file.name}`)).status).toBe(404)
  })
})
