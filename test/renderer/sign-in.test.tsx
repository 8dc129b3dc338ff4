import { fireEvent, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { aSession, aUser } from './support/fixtures'
import { FakeTransport, fail, ok } from './support/fake-transport'
import { renderApp, scriptSignedOut } from './support/render-app'

async function signIn(username: string, password: string): Promise<void> {
  await screen.findByRole('button', { name: 'Sign in' })
  fireEvent.change(screen.getByLabelText('Username'), { target: { value: username } })
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } })
  fireEvent.click(screen.getByRole('button', { name: 'Sign in' }))
}

describe('sign-in screen', () => {
  it('shows the server message for a wrong password', async () => {
    renderApp(
      scriptSignedOut(new FakeTransport()).on('auth.login', fail('UNAUTHENTICATED', 'Wrong username or password.')),
    )

    await signIn('dana', 'not the password')

    expect((await screen.findByRole('alert')).textContent).toBe('Wrong username or password.')
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy()
    // The next keystroke retypes the password.
    expect(document.activeElement).toBe(screen.getByLabelText('Password'))
  })

  it('shows the server message when sign-in attempts are rate limited', async () => {
    const message = 'Too many sign-in attempts. Try again in 5 minutes.'
    renderApp(scriptSignedOut(new FakeTransport()).on('auth.login', fail('RATE_LIMITED', message)))

    await signIn('dana', 'not the password')

    expect((await screen.findByRole('alert')).textContent).toBe(message)
  })

  it('opens the console for the person who signed in', async () => {
    const user = aUser(['supervisor'])
    renderApp(scriptSignedOut(new FakeTransport()).on('auth.login', ok(aSession(user))))

    await signIn('dana', 'correct horse battery')

    expect(await screen.findByText('Dana Okafor')).toBeTruthy()
    expect(screen.getByText('Site supervisor')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Sign out' })).toBeTruthy()
  })

  it('offers sign-up only while the server keeps it open, and says new accounts are requesters', async () => {
    renderApp(scriptSignedOut(new FakeTransport(), { signUpOpen: true }))

    fireEvent.click(await screen.findByRole('button', { name: 'Create an account' }))

    expect(await screen.findByRole('heading', { name: 'Create an account' })).toBeTruthy()
    expect(screen.getByText(/start as requesters/)).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Create account' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Back to sign in' }))
    expect(await screen.findByRole('button', { name: 'Sign in' })).toBeTruthy()
  })

  it('hides sign-up while the server keeps it closed', async () => {
    renderApp(scriptSignedOut(new FakeTransport(), { signUpOpen: false }))

    await screen.findByRole('button', { name: 'Sign in' })

    expect(screen.queryByRole('button', { name: 'Create an account' })).toBeNull()
  })
})
