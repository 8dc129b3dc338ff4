import { afterEach, describe, expect, it } from 'vitest'
import { makeTestBackend, testPassword } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'

let t: TestBackend
afterEach(() => t.dispose())

async function refusalOf(token: string | null) {
  const result = await t.call('auth.me', {}, token)
  if (result.ok) throw new Error('expected a refusal')
  return result.error
}

describe('a session that opens nothing says why', () => {
  it('tells a deactivated person their account was deactivated', async () => {
    t = makeTestBackend()
    const admin = (await t.setupAdmin()).token
    const dana = await t.userWithRoles(admin, 'dana', ['auditor'])
    await t.ok('users.setActive', { userId: dana.user.id, active: false, reason: 'Left the company' }, admin)
    expect(await refusalOf(dana.token)).toEqual({
      code: 'UNAUTHENTICATED',
      message: 'Your account was deactivated by an administrator. Ask an administrator if you need it again.',
    })
  })

  it('tells an idle person the session ended for inactivity, and one who changed their password elsewhere why', async () => {
    t = makeTestBackend()
    const admin = (await t.setupAdmin()).token
    const dana = await t.userWithRoles(admin, 'dana', ['auditor'])
    const laptop = await t.ok('auth.login', { username: 'dana', password: testPassword })
    await t.ok(
      'auth.changePassword',
      { currentPassword: testPassword, newPassword: 'another long passphrase' },
      laptop.token,
    )
    expect((await refusalOf(dana.token)).message).toBe(
      'Your password was changed, which ended your other sessions. Sign in with the new password.',
    )
    t.clock.advance(31 * 60_000)
    expect((await refusalOf(laptop.token)).message).toBe(
      'Your session ended after a period of inactivity. Sign in again.',
    )
  })

  it('tells whoever signed out, and anyone without a session, to sign in', async () => {
    t = makeTestBackend()
    const admin = (await t.setupAdmin()).token
    await t.ok('auth.logout', {}, admin)
    expect((await refusalOf(admin)).message).toBe('You signed out of this session. Sign in again.')
    expect((await refusalOf(null)).message).toBe('Your session has ended or you are not signed in. Please sign in.')
    expect((await refusalOf('not-a-token')).message).toBe(
      'Your session has ended or you are not signed in. Please sign in.',
    )
  })
})
