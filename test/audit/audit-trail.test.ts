import path from 'node:path'
import Database from 'better-sqlite3'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { genesisHash } from '../../src/main/audit/audit-chain'
import { hasAuditWords } from '../../src/shared/domain/audit-words'
import { verifyAuditTrail } from '../../src/main/audit/audit-verifier'
import { procedurePaths, procedures } from '../../src/shared/contract/procedures'
import type { ProcedureInput, ProcedurePath } from '../../src/shared/contract/procedures'
import type { Role } from '../../src/shared/contract/roles'
import { adminAccount, makeTestBackend, testPassword } from '../support/test-backend'

const t = makeTestBackend()
afterAll(() => t.dispose())

const latestEntries = (n: number) =>
  t.backend.dispatch('audit.list', { limit: n }, { token: adminToken }).then(({ result }) => {
    if (!result.ok) throw new Error(result.error.message)
    return (result.value as { items: { seq: number; action: string; prevHash: string; hash: string }[] }).items
  })

let adminToken = ''

/** One valid call per command, in an order that works on a fresh database. `setup` is not counted. */
interface Step {
  path: ProcedurePath
  setup?: () => Promise<void>
  run: () => Promise<unknown>
  /**
   * The test that proves this command's entries instead: a restore replaces the very database
   * this trail is written in, so its entries (one before, one in the restored file) are shown there.
   */
  elsewhere?: string
}

const hour = 3_600_000
const ids = {
  site: 0,
  space: 0,
  spare: 0,
  permit: 0,
  version: 0,
  assignment: 0,
  handover: 0,
  handoverSignedAt: 0,
  exit: 0,
  alarm: 0,
  device: 0,
  resource: 0,
  request: 0,
  grant: 0,
  review: 0,
  datalogImport: 0,
}
const access = { ita: '', itaId: 0, req: '', reqId: 0 }
const fileAccess = (level: string) =>
  t.ok(
    'access.fileRequest',
    { resourceId: ids.resource, level, justification: 'Month-end close', durationHours: 8 },
    access.req,
  )
const tokens = { sup: '', sup2: '', att: '' }
let supId = 0
let sup2Id = 0
let attId = 0

const signIn = async (username: string, roles: Role[]) => {
  const session = await t.userWithRoles(adminToken, username, roles)
  return { token: session.token, id: session.user.id }
}

/** The fields of the scripted permit, valid from now. */
function permitFields(purpose: string): ProcedureInput<'permits.create'> {
  const now = t.clock.now()
  return {
    spaceId: ids.space,
    purpose,
    validFrom: now,
    validTo: now + 8 * hour,
    entrySupervisorId: supId,
    entrants: [{ name: 'Ana Silva' }],
    hazards: ['H2S'],
    isolationMeasures: [{ measure: 'Lockout', done: true }],
    rescueService: 'Team',
    rescueContact: 'Radio 3',
    communicationMethod: 'Radio',
    equipment: ['Monitor'],
  }
}

const commandScript: Step[] = [
  { path: 'auth.setupFirstAdmin', run: async () => (adminToken = (await t.setupAdmin()).token) },
  {
    path: 'auth.signUp',
    run: () => t.ok('auth.signUp', { username: 'sam', displayName: 'Sam', password: testPassword }),
  },
  { path: 'auth.login', run: () => t.ok('auth.login', { username: 'sam', password: testPassword }) },
  {
    path: 'users.create',
    run: () =>
      t.ok(
        'users.create',
        { username: 'sue', displayName: 'Sue', password: testPassword, roles: ['supervisor'] },
        adminToken,
      ),
  },
  {
    path: 'users.setRoles',
    run: () => t.ok('users.setRoles', { userId: 2, roles: ['requester', 'entrant'] }, adminToken),
  },
  {
    path: 'users.setManager',
    run: () => t.ok('users.setManager', { userId: 2, managerId: 1 }, adminToken),
  },
  {
    path: 'users.resetPassword',
    run: () => t.ok('users.resetPassword', { userId: 2, temporaryPassword: 'a temporary passphrase' }, adminToken),
  },
  {
    path: 'users.setActive',
    run: () => t.ok('users.setActive', { userId: 2, active: false, reason: 'left' }, adminToken),
  },
  {
    path: 'auth.changePassword',
    run: () =>
      t.ok(
        'auth.changePassword',
        { currentPassword: adminAccount.password, newPassword: 'a brand new passphrase' },
        adminToken,
      ),
  },
  { path: 'system.backup', run: () => t.ok('system.backup', {}, adminToken) },
  {
    path: 'system.setBackupSchedule',
    run: () => t.ok('system.setBackupSchedule', { everyHours: 12, keepScheduled: 7 }, adminToken),
  },
  { path: 'system.checkIntegrity', run: () => t.ok('system.checkIntegrity', {}, adminToken) },
  {
    path: 'system.setIntegrityCheckSchedule',
    run: () => t.ok('system.setIntegrityCheckSchedule', { everyHours: 6 }, adminToken),
  },
  { path: 'audit.checkpoint', run: () => t.ok('audit.checkpoint', {}, adminToken) },
  { path: 'audit.export', run: () => t.ok('audit.export', { format: 'csv' }, adminToken) },
  {
    path: 'auth.logout',
    setup: async () => {
      tokens.sup = (await t.ok('auth.login', { username: 'sue', password: testPassword })).token
    },
    run: () => t.ok('auth.logout', {}, tokens.sup),
  },
  {
    path: 'sites.save',
    setup: async () => {
      ;({ token: tokens.sup, id: supId } = await signIn('sup', ['supervisor']))
      ;({ token: tokens.sup2, id: sup2Id } = await signIn('sup2', ['supervisor']))
      ;({ token: tokens.att, id: attId } = await signIn('att', ['attendant']))
    },
    run: async () => {
      ids.site = (
        await t.ok(
          'sites.save',
          { code: 'NORTH', name: 'North', limitProfile: 'factory', maxTestAgeMinutes: 30 },
          adminToken,
        )
      ).id
    },
  },
  {
    path: 'spaces.create',
    run: async () => {
      ids.space = (
        await t.ok(
          'spaces.create',
          { siteId: ids.site, tag: 'TK-1', name: 'Tank', classification: 'permit_required' },
          tokens.sup,
        )
      ).id
    },
  },
  {
    path: 'spaces.update',
    run: () =>
      t.ok(
        'spaces.update',
        { spaceId: ids.space, siteId: ids.site, tag: 'TK-1', name: 'Tank one', classification: 'permit_required' },
        tokens.sup,
      ),
  },
  {
    path: 'permits.create',
    run: async () => {
      const detail = await t.ok('permits.create', permitFields('Inspect'), tokens.sup)
      ids.permit = detail.card.id
      ids.version = detail.card.version
    },
  },
  {
    path: 'permits.update',
    run: () =>
      t.ok(
        'permits.update',
        { permitId: ids.permit, version: ids.version, fields: permitFields('Inspect welds') },
        tokens.sup,
      ),
  },
  {
    path: 'permits.transition',
    run: () => t.ok('permits.transition', { permitId: ids.permit, action: 'submit' }, tokens.sup),
  },
  {
    path: 'permits.authorize',
    run: () => t.ok('permits.authorize', { permitId: ids.permit, password: testPassword }, tokens.sup),
  },
  {
    path: 'attendants.assign',
    run: async () => {
      const now = t.clock.now()
      ids.assignment = (
        await t.ok(
          'attendants.assign',
          { permitId: ids.permit, userId: attId, shiftName: 'Day', shiftStart: now, shiftEnd: now + 8 * hour },
          tokens.sup,
        )
      ).id
    },
  },
  {
    path: 'attendants.setStatus',
    run: () => t.ok('attendants.setStatus', { assignmentId: ids.assignment, status: 'on_duty' }, tokens.att),
  },
  {
    path: 'instruments.save',
    run: () =>
      t.ok(
        'instruments.save',
        {
          siteId: ids.site,
          serial: 'MX4',
          name: 'Monitor 1',
          sensors: ['o2', 'lel', 'h2s', 'co'],
          lastBumpAt: t.clock.now(),
          calibrationDueAt: t.clock.now() + 365 * 24 * hour,
        },
        adminToken,
      ),
  },
  {
    path: 'readings.ingest',
    // A breach and its clearing in one batch, with nobody inside: an alarm, no suspension.
    run: () =>
      t.ok(
        'readings.ingest',
        {
          readings: [
            { permitId: ids.permit, loggedAt: t.clock.now() - 2000, monitoredBy: 'MX4', h2sPpm: 12 },
            { permitId: ids.permit, loggedAt: t.clock.now() - 1000, monitoredBy: 'MX4', h2sPpm: 1 },
          ],
        },
        tokens.att,
      ),
  },
  {
    path: 'datalog.commit',
    // Opening and checking a file's rows writes no record; its commit is the import's one entry.
    setup: async () => {
      const begin = await t.ok(
        'datalog.begin',
        {
          fileName: 'MX4.csv',
          fileSha256: 'a'.repeat(64),
          fileBytes: 60,
          columns: { time: 'Time', serial: 'Serial', o2: 'O2' },
          permitId: ids.permit,
        },
        tokens.sup,
      )
      ids.datalogImport = begin.importId
      const staged = await t.ok(
        'datalog.stage',
        {
          importId: ids.datalogImport,
          rows: [{ line: 2, time: String(t.clock.now()), serial: 'MX4', o2: '20.9' }],
        },
        tokens.sup,
      )
      expect(staged.issues).toEqual([])
    },
    run: () => t.ok('datalog.commit', { importId: ids.datalogImport, rows: 1 }, tokens.sup),
  },
  {
    path: 'alarms.acknowledge',
    run: async () => {
      const [alarm] = (await t.ok('alarms.list', { open: true }, tokens.sup)).items
      ids.alarm = alarm?.id ?? 0
      return t.ok('alarms.acknowledge', { alarmIds: [ids.alarm] }, tokens.att)
    },
  },
  {
    path: 'alarms.resolve',
    run: () => t.ok('alarms.resolve', { alarmId: ids.alarm, resolution: 'test', helpSent: false }, tokens.sup),
  },
  {
    path: 'devices.create',
    run: async () => {
      ids.device = (await t.ok('devices.create', { name: 'Gateway 1', siteId: ids.site }, adminToken)).device.id
    },
  },
  {
    path: 'devices.revoke',
    run: () => t.ok('devices.revoke', { deviceId: ids.device, reason: 'Replaced' }, adminToken),
  },
  {
    path: 'simulator.start',
    run: () => t.ok('simulator.start', { permitIds: [ids.permit] }, tokens.sup),
  },
  {
    path: 'simulator.stop',
    run: () => t.ok('simulator.stop', {}, tokens.sup),
  },
  {
    path: 'atmosphere.recordTest',
    run: () =>
      t.ok(
        'atmosphere.recordTest',
        {
          permitId: ids.permit,
          kind: 'pre_entry',
          takenAt: t.clock.now(),
          values: { o2: 20.9, lel: 0, h2s: 0, co: 0 },
          instrument: 'MX4',
          tester: { name: 'Tess' },
        },
        tokens.att,
      ),
  },
  {
    path: 'entries.recordEntry',
    run: () => t.ok('entries.recordEntry', { permitId: ids.permit, person: { name: 'Ana Silva' } }, tokens.att),
  },
  {
    path: 'entries.recordExit',
    run: async () => {
      const exit = await t.ok('entries.recordExit', { permitId: ids.permit, person: { name: 'Ana Silva' } }, tokens.att)
      ids.exit = exit.id
    },
  },
  {
    path: 'entries.correctExit',
    run: () =>
      t.ok('entries.correctExit', { permitId: ids.permit, exitId: ids.exit, reason: 'Still inside' }, tokens.att),
  },
  {
    path: 'permits.transferSupervisor',
    // Out again for real, so the script can go on to close the permit.
    setup: async () => {
      await t.ok('entries.recordExit', { permitId: ids.permit, person: { name: 'Ana Silva' } }, tokens.att)
    },
    run: () =>
      t.ok(
        'permits.transferSupervisor',
        { permitId: ids.permit, newSupervisorId: sup2Id, conditionsConfirmed: true },
        tokens.sup,
      ),
  },
  {
    path: 'evacuations.order',
    run: () => t.ok('evacuations.order', { permitId: ids.permit, reason: 'Drill' }, tokens.att),
  },
  {
    path: 'handover.sign',
    run: async () => {
      const signed = await t.ok('handover.sign', { password: testPassword }, tokens.sup)
      ids.handover = signed.id
      ids.handoverSignedAt = signed.signedAt
    },
  },
  {
    path: 'handover.acknowledge',
    run: () =>
      t.ok(
        'handover.acknowledge',
        { handoverId: ids.handover, signedAt: ids.handoverSignedAt, password: testPassword },
        tokens.sup2,
      ),
  },
  {
    path: 'spaces.retire',
    setup: async () => {
      ids.spare = (
        await t.ok(
          'spaces.create',
          { siteId: ids.site, tag: 'TK-2', name: 'Spare', classification: 'permit_required' },
          tokens.sup,
        )
      ).id
    },
    run: () => t.ok('spaces.retire', { spaceId: ids.spare, reason: 'Demolished' }, tokens.sup),
  },
  {
    path: 'access.saveResource',
    setup: async () => {
      ;({ token: access.ita, id: access.itaId } = await signIn('ita', ['it_approver']))
      ;({ token: access.req, id: access.reqId } = await signIn('req', ['requester']))
    },
    run: async () => {
      ids.resource = (
        await t.ok(
          'access.saveResource',
          {
            key: 'app:ledger',
            name: 'Ledger',
            kind: 'application',
            levels: ['read', 'write'],
            riskTier: 'standard',
            maxDurationHours: 720,
            ownerIds: [access.itaId],
            approverIds: [access.itaId],
          },
          adminToken,
        )
      ).id
    },
  },
  { path: 'access.fileRequest', run: async () => (ids.request = (await fileAccess('read')).id) },
  {
    path: 'access.editRequest',
    run: () => t.ok('access.editRequest', { requestId: ids.request, justification: 'Audit support' }, access.req),
  },
  { path: 'access.withdrawRequest', run: () => t.ok('access.withdrawRequest', { requestId: ids.request }, access.req) },
  {
    path: 'access.decide',
    setup: async () => {
      ids.request = (await fileAccess('read')).id
    },
    run: async () => {
      ids.grant =
        (await t.ok('access.decide', { requestId: ids.request, decision: 'approve' }, access.ita)).grantId ?? 0
    },
  },
  {
    path: 'access.revokeGrant',
    run: () => t.ok('access.revokeGrant', { grantId: ids.grant, reason: 'No longer needed' }, access.ita),
  },
  {
    path: 'access.startReview',
    setup: async () => {
      const request = await fileAccess('write')
      ids.grant = (await t.ok('access.decide', { requestId: request.id, decision: 'approve' }, access.ita)).grantId ?? 0
    },
    run: async () => (ids.review = (await t.ok('access.startReview', { resourceId: ids.resource }, access.ita)).id),
  },
  {
    path: 'access.reviewDecide',
    run: () => t.ok('access.reviewDecide', { reviewId: ids.review, grantIds: [ids.grant], action: 'keep' }, access.ita),
  },
  { path: 'access.closeReview', run: () => t.ok('access.closeReview', { reviewId: ids.review }, access.ita) },
  {
    path: 'access.retireResource',
    run: () => t.ok('access.retireResource', { resourceId: ids.resource, reason: 'Replaced' }, adminToken),
  },
  { path: 'notifications.markRead', run: () => t.ok('notifications.markRead', { all: true }, access.req) },
  { path: 'demo.load', run: () => t.ok('demo.load', {}, tokens.sup) },
  { path: 'demo.remove', run: () => t.ok('demo.remove', {}, adminToken) },
  { path: 'evidence.permitPack', run: () => t.ok('evidence.permitPack', { permitId: ids.permit }, adminToken) },
  { path: 'evidence.annualReview', run: () => t.ok('evidence.annualReview', { year: 2026 }, adminToken) },
  {
    path: 'gas.export',
    run: () => t.ok('gas.export', { subject: { kind: 'permit', permitId: ids.permit }, format: 'csv' }, adminToken),
  },
  {
    path: 'database.restore',
    elsewhere: 'test/system/restore-from-console.test.ts',
    run: () => Promise.resolve(),
  },
]

describe('the audit trail', () => {
  it('has a scripted call for every command of the contract', () => {
    const commands = procedurePaths.filter((path) => procedures[path].kind === 'command').sort()
    expect([...new Set(commandScript.map((step) => step.path))].sort()).toEqual(commands)
  })

  it('gets exactly one new entry per command, chained to the one before', async () => {
    for (const step of commandScript) {
      if (step.elsewhere) continue
      await step.setup?.()
      const before = t.auditCount()
      await step.run()
      expect(t.auditCount(), step.path).toBe(before + 1)
      const [latest, previous] = await latestEntries(2)
      expect(latest?.prevHash, step.path).toBe(previous?.hash ?? genesisHash)
    }
    const verification = await t.ok('audit.verify', {}, adminToken)
    expect(verification).toMatchObject({ intact: true, checked: t.auditCount(), firstBroken: null })
  })

  it('says every entry in words: each action the commands wrote has its sentence', async () => {
    const actions = new Database(t.backend.databaseFile, { readonly: true })
    const written = actions.prepare('select distinct action from audit_entries').pluck().all() as string[]
    actions.close()
    expect(written.length).toBeGreaterThan(20)
    expect(written.filter((action) => !hasAuditWords(action))).toEqual([])
    const { items } = await t.ok('audit.list', { limit: 200 }, adminToken)
    for (const item of items) expect(item.summary, item.action).not.toMatch(/undefined|null|\[object/)
  })

  it('refuses to update or delete an entry through SQL', () => {
    const writer = new Database(t.backend.databaseFile)
    try {
      expect(() => writer.prepare("update audit_entries set action = 'x' where seq = 1").run()).toThrow(/append-only/)
      expect(() => writer.prepare('delete from audit_entries where seq = 1').run()).toThrow(/append-only/)
    } finally {
      writer.close()
    }
  })
})

describe('tamper evidence', () => {
  let entries = 0
  beforeAll(() => {
    // Runs after the trail above was written: a chain of every kind of command.
    entries = t.auditCount()
    expect(entries).toBeGreaterThan(8)
  })

  const fields = [
    'at',
    'actor_name',
    'actor_id',
    'action',
    'entity_type',
    'entity_id',
    'before',
    'after',
    'prev_hash',
    'hash',
  ] as const

  it('breaks verification exactly at the entry someone changed, whatever the field', async () => {
    let copyNumber = 0
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: entries }), fc.constantFrom(...fields), async (seq, field) => {
        const copy = path.join(t.dataDir, `tampered-${(copyNumber += 1)}.db`)
        const source = new Database(t.backend.databaseFile, { readonly: true })
        source.prepare('vacuum into ?').run(copy)
        source.close()
        // An attacker with the file drops our guard triggers first.
        const attacker = new Database(copy)
        attacker.exec('drop trigger audit_entries_no_update; drop trigger audit_entries_no_delete;')
        const value = field === 'at' || field === 'actor_id' ? 424242 : 'forged'
        attacker.prepare(`update audit_entries set ${field} = ? where seq = ?`).run(value, seq)
        const result = await verifyAuditTrail(attacker)
        attacker.close()
        expect(result.intact).toBe(false)
        expect(result.firstBroken?.seq).toBe(seq)
      }),
      { numRuns: 30 },
    )
  })

  it('reports a deleted entry as missing at its sequence number', async () => {
    const copy = path.join(t.dataDir, 'deleted.db')
    const source = new Database(t.backend.databaseFile, { readonly: true })
    source.prepare('vacuum into ?').run(copy)
    source.close()
    const attacker = new Database(copy)
    attacker.exec('drop trigger audit_entries_no_delete; delete from audit_entries where seq = 3;')
    const result = await verifyAuditTrail(attacker)
    attacker.close()
    expect(result.firstBroken).toEqual({ seq: 3, reason: 'entry 3 is missing' })
  })
})
