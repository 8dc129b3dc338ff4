import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { aSession, aUser } from './support/fixtures'
import { FakeTransport, fail, ok } from './support/fake-transport'
import { descriptionOf, renderApp, scriptSignedIn, scriptSignedOut } from './support/render-app'

const wrongCurrent = fail('VALIDATION', 'The current password is wrong.', [
  { field: 'currentPassword', rule: 'matches', message: 'is wrong' },
])

function fill(dialog: HTMLElement, current: string, next: string, again: string): void {
  const type = (label: RegExp, value: string) =>
    fireEvent.change(within(dialog).getByLabelText(label), { target: { value } })
  type(/^(Temporary|Current) password/, current)
  type(/^New password(?! again)/, next)
  type(/^New password again/, again)
  fireEvent.click(within(dialog).getByRole('button', { name: 'Change password' }))
}

describe('changing one’s own password', () => {
  it('opens from the user’s menu, catches a mismatch, shows the server’s field issue, then says it worked', async () => {
    const transport = scriptSignedIn(new FakeTransport(), aUser(['requester'])).on('auth.changePassword', (input) =>
      input.currentPassword === 'wrong' ? wrongCurrent : ok(null),
    )
    renderApp(transport)

    fireEvent.click(await screen.findByRole('button', { name: /Dana Okafor/ }))
    fireEvent.click(await screen.findByRole('menuitem', { name: 'Change password…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Change password' })

    fill(dialog, 'wrong', 'a long new passphrase', 'a long new passfrase')
    expect(descriptionOf(within(dialog).getByLabelText(/New password again/))).toBe('does not match the new password')
    expect(transport.callsTo('auth.changePassword')).toHaveLength(0)

    fill(dialog, 'wrong', 'a long new passphrase', 'a long new passphrase')
    await waitFor(() => expect(descriptionOf(within(dialog).getByLabelText(/Current password/))).toBe('is wrong'))

    fill(dialog, 'the old one', 'a long new passphrase', 'a long new passphrase')
    expect(await screen.findByText('Password changed; your other sessions were signed out.')).toBeTruthy()
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(transport.callsTo('auth.changePassword')).toEqual([
      { currentPassword: 'wrong', newPassword: 'a long new passphrase' },
      { currentPassword: 'the old one', newPassword: 'a long new passphrase' },
    ])
  })

  it('is asked for at once after signing in with a temporary password, and only signing out skips it', async () => {
    const user = aUser(['supervisor'], { mustChangePassword: true })
    const transport = scriptSignedOut(new FakeTransport())
      .on('auth.login', ok(aSession(user)))
      .on('auth.changePassword', ok(null))
    renderApp(transport)
    await screen.findByRole('button', { name: 'Sign in' })
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'dana' } })
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'temporary passphrase' } })
    fireEvent.click(screen.getByRole('button', { name: 'Sign in' }))

    const dialog = await screen.findByRole('dialog', { name: 'Choose a new password' })
    fireEvent.keyDown(dialog, { key: 'Escape' })
    expect(screen.getByRole('dialog', { name: 'Choose a new password' })).toBeTruthy()
    expect(within(dialog).getByRole('button', { name: 'Sign out' })).toBeTruthy()
    expect(screen.queryByRole('navigation')).toBeNull()

    fill(dialog, 'temporary passphrase', 'my own passphrase', 'my own passphrase')
    expect(await screen.findByText('Password changed; your other sessions were signed out.')).toBeTruthy()
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Choose a new password' })).toBeNull())
    expect(transport.callsTo('auth.changePassword')).toEqual([
      { currentPassword: 'temporary passphrase', newPassword: 'my own passphrase' },
    ])
  })
})
