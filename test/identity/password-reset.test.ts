import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTestBackend, testPassword } from '../support/test-backend'
import type { TestBackend } from '../support/test-backend'

let t: TestBackend
beforeEach(() => {
  t = makeTestBackend()
})
afterEach(() => t.dispose())

const temporary = 'temporary passphrase 42'
const chosen = 'my very own new passphrase'

/** An administrator and a supervisor, both signed in. */
async function twoAccounts() {
  const admin = await t.setupAdmin()
  const sam = await t.userWithRoles(admin.token, 'sam', ['supervisor'])
  return { admin, sam }
}

const audited = (action: string) => t.snapshot().includes(`"action":"${action}"`)

describe('users.resetPassword', () => {
  it('sets a temporary password, ends the sessions and restricts the next one to changing it', async () => {
    const { admin, sam } = await twoAccounts()
    const reset = await t.ok('users.resetPassword', { userId: sam.user.id, temporaryPassword: temporary }, admin.token)
    expect(reset.mustChangePassword).toBe(true)
    expect(audited('user.password_reset')).toBe(true)

    // The old session ended, saying why; the old password no longer works.
    const old = await t.call('auth.me', {}, sam.token)
    expect(old.ok ? 'ok' : old.error.message).toContain('An administrator reset your password')
    const oldPassword = await t.call('auth.login', { username: 'sam', password: testPassword })
    expect(oldPassword.ok ? 'ok' : oldPassword.error.code).toBe('UNAUTHENTICATED')

    // The temporary password signs in to a session that may only change it.
    const restricted = await t.ok('auth.login', { username: 'sam', password: temporary })
    expect(restricted.user.mustChangePassword).toBe(true)
    expect(await t.ok('auth.me', {}, restricted.token)).toMatchObject({ mustChangePassword: true })
    const board = await t.call('permits.board', {}, restricted.token)
    expect(board.ok ? 'ok' : board.error).toEqual({
      code: 'FORBIDDEN',
      message: 'An administrator set a temporary password for your account. Change it before doing anything else.',
    })

    // Changing it lifts the restriction in the same session.
    await t.ok('auth.changePassword', { currentPassword: temporary, newPassword: chosen }, restricted.token)
    expect(await t.ok('auth.me', {}, restricted.token)).toMatchObject({ mustChangePassword: false })
    expect((await t.call('permits.board', {}, restricted.token)).ok).toBe(true)
    const again = await t.ok('auth.login', { username: 'sam', password: chosen })
    expect(again.user.mustChangePassword).toBe(false)
  })

  it('lets a restricted session sign out', async () => {
    const { admin, sam } = await twoAccounts()
    await t.ok('users.resetPassword', { userId: sam.user.id, temporaryPassword: temporary }, admin.token)
    const restricted = await t.ok('auth.login', { username: 'sam', password: temporary })
    expect((await t.call('auth.logout', {}, restricted.token)).ok).toBe(true)
  })

  it('is for administrators only, and not for their own account', async () => {
    const { admin, sam } = await twoAccounts()
    const bySam = await t.call(
      'users.resetPassword',
      { userId: admin.user.id, temporaryPassword: temporary },
      sam.token,
    )
    expect(bySam.ok ? 'ok' : bySam.error.code).toBe('FORBIDDEN')
    const own = await t.call(
      'users.resetPassword',
      { userId: admin.user.id, temporaryPassword: temporary },
      admin.token,
    )
    expect(own.ok ? 'ok' : own.error.message).toContain('from your menu')
  })

  it('holds the temporary password to the same rules as any password', async () => {
    const { admin, sam } = await twoAccounts()
    const result = await t.call('users.resetPassword', { userId: sam.user.id, temporaryPassword: 'short' }, admin.token)
    expect(result.ok ? [] : result.error.issues?.map((issue) => issue.field)).toEqual(['temporaryPassword'])
  })
})
