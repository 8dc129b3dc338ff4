import './cleanup'
import { render } from '@testing-library/react'
import { App } from '../../../src/renderer/src/app/App'
import { createAppStores } from '../../../src/renderer/src/app/app-stores'
import type { AppStores } from '../../../src/renderer/src/app/app-stores'
import type { AlarmOutputs } from '../../../src/renderer/src/features/alarms/alarm-store'
import { createBridgeConnection } from '../../../src/renderer/src/connection/bridge-connection'
import { createHttpConnection, sessionTokenKey } from '../../../src/renderer/src/connection/http-connection'
import type { UserDto } from '../../../src/shared/contract/identity'
import type { FakeTransport } from './fake-transport'
import { fail, ok } from './fake-transport'
import { noAlarms } from './alarm-fixtures'

/** jsdom has neither Web Audio nor notifications; a test that listens or watches brings fakes. */
const silentOutputs: AlarmOutputs = { audioContext: () => null, notifications: null }

/**
 * Starts the whole renderer the way main.tsx does, over the fake as the Electron bridge, or with
 * `browser` as browser mode's HTTP connection (its session token in sessionStorage).
 */
export function renderApp(
  transport: FakeTransport,
  outputs: Partial<AlarmOutputs> = {},
  { browser = false }: { browser?: boolean } = {},
): AppStores {
  if (browser) window.sessionStorage.setItem(sessionTokenKey, 'token-of-the-test')
  const connection = browser
    ? createHttpConnection(transport, window.sessionStorage)
    : createBridgeConnection(transport)
  const stores = createAppStores(connection, { ...silentOutputs, ...outputs })
  void stores.session.getState().init()
  render(<App stores={stores} />)
  return stores
}

/**
 * Signed in, with no open alarm, an empty inbox and no open access review: every page of the
 * console reads the alarm summary for its banner and the inbox for the frame's bell, and a
 * landing page the open reviews of what its person keeps.
 */
export function scriptSignedIn(transport: FakeTransport, user: UserDto): FakeTransport {
  return transport
    .on('auth.status', ok({ needsFirstAdmin: false, signUpOpen: false }))
    .on('auth.me', ok(user))
    .on('alarms.summary', ok(noAlarms()))
    .on('notifications.list', ok({ items: [], unread: 0, hasMore: false }))
    .on('access.reviews', ok([]))
}

export function scriptSignedOut(
  transport: FakeTransport,
  options: { signUpOpen: boolean } = { signUpOpen: false },
): FakeTransport {
  return transport
    .on('auth.status', ok({ needsFirstAdmin: false, signUpOpen: options.signUpOpen }))
    .on('auth.me', fail('UNAUTHENTICATED', 'Sign in first.'))
}

/** The text screen readers announce as the element's description (MUI links helper text this way). */
export function descriptionOf(element: HTMLElement): string {
  const ids = element.getAttribute('aria-describedby')?.split(/\s+/) ?? []
  return ids
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ')
    .trim()
}

/** Matches the element whose whole text (its descendants' too) is `text`, as a person reads it. */
export const fullText =
  (text: string) =>
  (_content: string, element: Element | null): boolean =>
    element !== null &&
    element.textContent === text &&
    Array.from(element.children).every((child) => child.textContent !== text)
