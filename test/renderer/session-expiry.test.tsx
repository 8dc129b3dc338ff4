import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createBridgeConnection } from '../../src/renderer/src/connection/bridge-connection'
import { createSessionStore } from '../../src/renderer/src/features/session/session-store'
import { aUser } from './support/fixtures'
import { FakeTransport, fail } from './support/fake-transport'
import { renderApp, scriptSignedIn } from './support/render-app'

const deactivated = 'Your account was deactivated by an administrator. Ask an administrator if you need it again.'

describe('session expiry', () => {
  it('returns the session store to sign-in when a call is refused as UNAUTHENTICATED, keeping the server’s reason', async () => {
    const transport = scriptSignedIn(new FakeTransport(), aUser(['administrator']))
    const connection = createBridgeConnection(transport)
    const session = createSessionStore(connection)
    await session.getState().init()
    expect(session.getState().phase).toBe('signedIn')

    const idle = 'Your session ended after a period of inactivity. Sign in again.'
    transport.on('users.list', fail('UNAUTHENTICATED', idle))
    await expect(connection.api.users.list({})).rejects.toThrow(idle)

    expect(session.getState()).toMatchObject({ phase: 'signedOut', user: null, notice: idle })
  })

  it('tells a deactivated person that their account was deactivated, not that they were idle', async () => {
    window.location.hash = '#/audit'
    const transport = scriptSignedIn(new FakeTransport(), aUser(['auditor'])).on(
      'audit.list',
      fail('UNAUTHENTICATED', deactivated),
    )
    renderApp(transport)

    expect(await screen.findByText(deactivated)).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy()
  })
})
