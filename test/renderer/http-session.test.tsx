import { describe, expect, it } from 'vitest'
import { createHttpConnection, sessionTokenKey } from '../../src/renderer/src/connection/http-connection'
import { createSessionStore } from '../../src/renderer/src/features/session/session-store'
import { aSession, aUser } from './support/fixtures'
import { FakeTransport, fail, ok } from './support/fake-transport'
import './support/cleanup'

const signedOut = () => new FakeTransport().on('auth.status', ok({ needsFirstAdmin: false, signUpOpen: false }))

describe('browser-mode session token', () => {
  it('is kept in sessionStorage on sign-in and handed to the transport', async () => {
    const transport = signedOut().on('auth.login', ok(aSession(aUser(['requester']))))
    const session = createSessionStore(createHttpConnection(transport, window.sessionStorage))
    await session.getState().init()

    await session.getState().login({ username: 'dana', password: 'correct horse battery' })

    expect(window.sessionStorage.getItem(sessionTokenKey)).toBe('token-of-dana')
    expect(transport.token).toBe('token-of-dana')
  })

  it('survives a reload: a stored token signs the window back in', async () => {
    window.sessionStorage.setItem(sessionTokenKey, 'token-of-dana')
    const transport = signedOut().on('auth.me', ok(aUser(['requester'])))
    const session = createSessionStore(createHttpConnection(transport, window.sessionStorage))

    await session.getState().init()

    expect(transport.token).toBe('token-of-dana')
    expect(session.getState().phase).toBe('signedIn')
  })

  it('is dropped when the server no longer knows it', async () => {
    window.sessionStorage.setItem(sessionTokenKey, 'stale')
    const transport = signedOut().on('auth.me', fail('UNAUTHENTICATED', 'Sign in first.'))
    const session = createSessionStore(createHttpConnection(transport, window.sessionStorage))

    await session.getState().init()

    expect(session.getState().phase).toBe('signedOut')
    expect(session.getState().notice).toBeNull()
    expect(window.sessionStorage.getItem(sessionTokenKey)).toBeNull()
    expect(transport.token).toBeNull()
  })

  it('is dropped on sign-out', async () => {
    const transport = signedOut()
      .on('auth.login', ok(aSession(aUser(['requester']))))
      .on('auth.logout', ok(null))
    const session = createSessionStore(createHttpConnection(transport, window.sessionStorage))
    await session.getState().init()
    await session.getState().login({ username: 'dana', password: 'correct horse battery' })

    await session.getState().logout()

    expect(session.getState().phase).toBe('signedOut')
    expect(window.sessionStorage.getItem(sessionTokenKey)).toBeNull()
    expect(transport.token).toBeNull()
  })
})
