import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createBridgeConnection } from '../../src/renderer/src/connection/bridge-connection'
import { createSessionStore, inactivityNotice } from '../../src/renderer/src/features/session/session-store'
import { aUser } from './support/fixtures'
import { FakeTransport, fail } from './support/fake-transport'
import { renderApp, scriptSignedIn } from './support/render-app'

describe('session expiry', () => {
  it('returns the session store to sign-in when a call is refused as UNAUTHENTICATED', async () => {
    const transport = scriptSignedIn(new FakeTransport(), aUser(['administrator']))
    const connection = createBridgeConnection(transport)
    const session = createSessionStore(connection)
    await session.getState().init()
    expect(session.getState().phase).toBe('signedIn')

    transport.on('users.list', fail('UNAUTHENTICATED', 'Your session has ended.'))
    await expect(connection.api.users.list({})).rejects.toThrow('Your session has ended.')

    expect(session.getState()).toMatchObject({ phase: 'signedOut', user: null, notice: inactivityNotice })
  })

  it('tells the person why they are back at sign-in', async () => {
    window.location.hash = '#/audit'
    const transport = scriptSignedIn(new FakeTransport(), aUser(['auditor'])).on(
      'audit.list',
      fail('UNAUTHENTICATED', 'Your session has ended.'),
    )
    renderApp(transport)

    expect(await screen.findByText(inactivityNotice)).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy()
  })
})
