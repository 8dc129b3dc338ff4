import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defaultSessionPolicy, loginThrottle } from '../../src/main/identity/session-policy'
import { adminAccount, makeTestBackend, testPassword } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'

let t: TestBackend
beforeEach(() => {
  t = makeTestBackend()
})
afterEach(() => t.dispose())

const codeOf = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code)

describe('first administrator', () => {
  it('is asked for on an empty database and can be created only once', async () => {
    expect(await t.ok('auth.status', {})).toEqual({ needsFirstAdmin: true, signUpOpen: true })
    const session = await t.setupAdmin()
    expect(session.user.roles).toEqual(['administrator'])
    expect(await t.ok('auth.status', {})).toMatchObject({ needsFirstAdmin: false })
    const again = await t.call('auth.setupFirstAdmin', { ...adminAccount, username: 'mallory' })
    expect(codeOf(again)).toBe('PRECONDITION_FAILED')
  })

  it('stores usernames case-insensitively', async () => {
    await t.ok('auth.setupFirstAdmin', { ...adminAccount, username: 'Ada.Lovelace' })
    const session = await t.ok('auth.login', { username: 'ADA.LOVELACE', password: adminAccount.password })
    expect(session.user.username).toBe('ada.lovelace')
  })
})

describe('sign-up', () => {
  it('creates a requester-only account that is signed in at once', async () => {
    await t.setupAdmin()
    const session = await t.ok('auth.signUp', { username: 'sam', displayName: 'Sam Requester', password: testPassword })
    expect(session.user.roles).toEqual(['requester'])
    expect(await t.ok('auth.me', {}, session.token)).toMatchObject({ username: 'sam', roles: ['requester'] })
  })

  it('refuses a taken username with CONFLICT and a message naming it', async () => {
    await t.setupAdmin()
    const result = await t.call('auth.signUp', { username: 'ada', displayName: 'Other', password: testPassword })
    expect(result.ok ? 'ok' : result.error.message).toContain('"ada" is already taken')
  })

  it('refuses a short password, naming the field and the rule', async () => {
    await t.setupAdmin()
    const result = await t.call('auth.signUp', { username: 'sam', displayName: 'Sam', password: 'short' })
    expect(result.ok).toBe(false)
    if (!result.ok) {
      expect(result.error.code).toBe('VALIDATION')
      expect(result.error.issues).toContainEqual({
        field: 'password',
        rule: 'too_small',
        message: 'must be at least 12 characters',
      })
    }
  })

  it('waits for the first administrator', async () => {
    const result = await t.call('auth.signUp', { username: 'sam', displayName: 'Sam', password: testPassword })
    expect(codeOf(result)).toBe('PRECONDITION_FAILED')
  })
})

describe('login and logout', () => {
  it('signs in with the right password and out again, after which the token is dead', async () => {
    await t.setupAdmin()
    const session = await t.ok('auth.login', { username: 'ada', password: adminAccount.password })
    expect(session.user.lastLoginAt).toBe(t.clock.now())
    await t.ok('auth.logout', {}, session.token)
    expect(codeOf(await t.call('auth.me', {}, session.token))).toBe('UNAUTHENTICATED')
  })

  it('says "Wrong username or password." for a wrong password and an unknown user alike, and audits both', async () => {
    await t.setupAdmin()
    const before = t.auditCount()
    for (const attempt of [
      { username: 'ada', password: 'not the password' },
      { username: 'nobody', password: 'not the password' },
    ]) {
      const result = await t.call('auth.login', attempt)
      expect(result.ok ? 'ok' : [result.error.code, result.error.message]).toEqual([
        'UNAUTHENTICATED',
        'Wrong username or password.',
      ])
    }
    expect(t.auditCount()).toBe(before + 2)
  })

  it('slows down repeated failures: the sixth try within the window is RATE_LIMITED even with the right password', async () => {
    await t.setupAdmin()
    for (let i = 0; i < loginThrottle.freeFailures; i += 1) {
      expect(codeOf(await t.call('auth.login', { username: 'ada', password: 'guess number ' + i }))).toBe(
        'UNAUTHENTICATED',
      )
    }
    const throttled = await t.call('auth.login', { username: 'ada', password: adminAccount.password })
    expect(codeOf(throttled)).toBe('RATE_LIMITED')
    expect(throttled.ok ? '' : throttled.error.message).toContain('Try again in 30 seconds')

    t.clock.advance(loginThrottle.firstDelayMs + 1)
    expect(codeOf(await t.call('auth.login', { username: 'ada', password: adminAccount.password }))).toBe('ok')
  })

  it('doubles the wait after each further failure and records throttled attempts in the audit trail', async () => {
    await t.setupAdmin()
    for (let i = 0; i < loginThrottle.freeFailures; i += 1)
      await t.call('auth.login', { username: 'ada', password: 'wrong ' + i })
    t.clock.advance(loginThrottle.firstDelayMs + 1)
    await t.call('auth.login', { username: 'ada', password: 'wrong again' })
    const next = await t.call('auth.login', { username: 'ada', password: adminAccount.password })
    expect(next.ok ? '' : next.error.message).toContain('Try again in 60 seconds')
    const audit = t.snapshot()
    expect(audit).toContain('auth.login_throttled')
  })

  it('ends an idle session after the idle timeout, measured by the injected clock', async () => {
    const { token } = await t.setupAdmin()
    t.clock.advance(defaultSessionPolicy.idleTimeoutMs - 1000)
    expect(codeOf(await t.call('auth.me', {}, token))).toBe('ok')
    t.clock.advance(defaultSessionPolicy.idleTimeoutMs - 1000)
    expect(codeOf(await t.call('auth.me', {}, token))).toBe('ok') // activity kept it alive
    t.clock.advance(defaultSessionPolicy.idleTimeoutMs + 1)
    expect(codeOf(await t.call('auth.me', {}, token))).toBe('UNAUTHENTICATED')
    expect(t.snapshot()).toContain('auth.session_expired')
  })
})

describe('administration', () => {
  it('refuses a deactivated user at login and ends their open sessions at once', async () => {
    const admin = await t.setupAdmin()
    const worker = await t.userWithRoles(admin.token, 'wendy', ['entrant'])
    const deactivated = await t.ok(
      'users.setActive',
      { userId: worker.user.id, active: false, reason: 'left the site' },
      admin.token,
    )
    expect(deactivated.active).toBe(false)
    expect(codeOf(await t.call('auth.me', {}, worker.token))).toBe('UNAUTHENTICATED')
    const login = await t.call('auth.login', { username: 'wendy', password: testPassword })
    expect(login.ok ? '' : login.error.message).toContain('deactivated')
    await t.ok('users.setActive', { userId: worker.user.id, active: true, reason: 'back on site' }, admin.token)
    expect(codeOf(await t.call('auth.login', { username: 'wendy', password: testPassword }))).toBe('ok')
  })

  it('assigns several roles and lists users with their roles, paged and searchable', async () => {
    const admin = await t.setupAdmin()
    const sup = await t.userWithRoles(admin.token, 'sue', ['supervisor'])
    const updated = await t.ok(
      'users.setRoles',
      { userId: sup.user.id, roles: ['supervisor', 'attendant'] },
      admin.token,
    )
    expect(updated.roles).toEqual(['attendant', 'supervisor'])
    const page = await t.ok('users.list', { search: 'su', limit: 10, offset: 0 }, admin.token)
    expect(page.total).toBe(1)
    expect(page.items[0]).toMatchObject({ username: 'sue', roles: ['attendant', 'supervisor'] })
  })

  it('never leaves Gatehouse without an active administrator', async () => {
    const admin = await t.setupAdmin()
    const demote = await t.call('users.setRoles', { userId: admin.user.id, roles: ['auditor'] }, admin.token)
    expect(codeOf(demote)).toBe('PRECONDITION_FAILED')
    const self = await t.call('users.setActive', { userId: admin.user.id, active: false, reason: 'oops' }, admin.token)
    expect(codeOf(self)).toBe('PRECONDITION_FAILED')
  })

  it('changing a password ends the user’s other sessions but keeps the current one', async () => {
    const first = await t.setupAdmin()
    const second = await t.ok('auth.login', { username: 'ada', password: adminAccount.password })
    await t.ok(
      'auth.changePassword',
      { currentPassword: adminAccount.password, newPassword: 'an even longer passphrase' },
      second.token,
    )
    expect(codeOf(await t.call('auth.me', {}, first.token))).toBe('UNAUTHENTICATED')
    expect(codeOf(await t.call('auth.me', {}, second.token))).toBe('ok')
    expect(codeOf(await t.call('auth.login', { username: 'ada', password: 'an even longer passphrase' }))).toBe('ok')
  })
})

describe('managers', () => {
  it('tells a manager exactly their active reports, and someone who manages nobody an empty list', async () => {
    const admin = await t.setupAdmin()
    const account = (name: string) => t.userWithRoles(admin.token, name, ['requester'])
    const mia = await account('mia')
    const rex = await account('rex')
    const ray = await account('ray')
    const gone = await account('gone')
    const other = await account('other')
    for (const report of [rex, ray, gone])
      await t.ok('users.setManager', { userId: report.user.id, managerId: mia.user.id }, admin.token)
    await t.ok('users.setManager', { userId: other.user.id, managerId: admin.user.id }, admin.token)
    await t.ok('users.setActive', { userId: gone.user.id, active: false, reason: 'left' }, admin.token)

    expect(await t.ok('users.reports', {}, mia.token)).toEqual([
      { id: ray.user.id, username: 'ray', displayName: 'ray' },
      { id: rex.user.id, username: 'rex', displayName: 'rex' },
    ])
    expect(await t.ok('users.reports', {}, rex.token)).toEqual([])
    expect(codeOf(await t.call('users.reports', {}))).toBe('UNAUTHENTICATED')
  })

  it('lists each account with its manager’s name, and refuses a manager who is the person or deactivated', async () => {
    const admin = await t.setupAdmin()
    const mia = await t.userWithRoles(admin.token, 'mia', ['requester'])
    const rex = await t.userWithRoles(admin.token, 'rex', ['requester'])
    await t.ok('users.setManager', { userId: rex.user.id, managerId: mia.user.id }, admin.token)
    const page = await t.ok('users.list', {}, admin.token)
    expect(page.items.map((user) => [user.username, user.managerName])).toEqual([
      ['ada', null],
      ['mia', null],
      ['rex', 'mia'],
    ])

    const self = await t.call('users.setManager', { userId: rex.user.id, managerId: rex.user.id }, admin.token)
    expect(self.ok ? 'ok' : self.error.message).toBe('Nobody is their own manager.')
    await t.ok('users.setActive', { userId: mia.user.id, active: false, reason: 'left' }, admin.token)
    const gone = await t.call('users.setManager', { userId: admin.user.id, managerId: mia.user.id }, admin.token)
    expect(gone.ok ? 'ok' : gone.error.message).toBe('mia’s account is deactivated.')
  })
})

describe('the people directory', () => {
  it('lets a supervisor find active colleagues by role, without account details', async () => {
    const admin = await t.setupAdmin()
    const sup = await t.userWithRoles(admin.token, 'sue', ['supervisor'])
    const att = await t.userWithRoles(admin.token, 'art', ['attendant'])
    await t.userWithRoles(admin.token, 'gone', ['attendant'])
    const goneId = (await t.ok('users.list', { search: 'gone' }, admin.token)).items[0]?.id ?? 0
    await t.ok('users.setActive', { userId: goneId, active: false, reason: 'left' }, admin.token)
    const attendants = await t.ok('users.directory', { role: 'attendant' }, sup.token)
    expect(attendants).toEqual([{ id: att.user.id, username: 'art', displayName: 'art', roles: ['attendant'] }])
    expect(codeOf(await t.call('users.list', {}, sup.token))).toBe('FORBIDDEN')
  })

  it('takes search text literally, wildcards included', async () => {
    const admin = await t.setupAdmin()
    await t.ok(
      'users.create',
      { username: 'percent', displayName: 'Crew 50% shift', password: testPassword, roles: ['entrant'] },
      admin.token,
    )
    await t.ok(
      'users.create',
      { username: 'other', displayName: 'Crew 500 shift', password: testPassword, roles: ['entrant'] },
      admin.token,
    )
    const found = await t.ok('users.directory', { search: '50%' }, admin.token)
    expect(found.map((u) => u.username)).toEqual(['percent'])
  })
})
