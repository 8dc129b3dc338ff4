import { createApi } from '../../../shared/client/api'
import type { HttpTransport } from '../../../shared/client/http-transport'
import type { Connection } from './connection'
import { watchUnauthenticated } from './unauthenticated-watch'

export const sessionTokenKey = 'gatehouse.sessionToken'

/**
 * Browser mode: the bearer token lives in sessionStorage, so a reload keeps the person signed in
 * while closing the tab (or another tab) does not share it.
 */
export function createHttpConnection(http: HttpTransport, storage: Storage): Connection {
  const stored = storage.getItem(sessionTokenKey)
  if (stored) http.setToken(stored)
  const { transport, onUnauthenticated } = watchUnauthenticated(http)
  return {
    api: createApi(transport),
    transport,
    desktop: false,
    session: {
      mayResume: () => storage.getItem(sessionTokenKey) !== null,
      remember(token) {
        storage.setItem(sessionTokenKey, token)
        http.setToken(token)
      },
      forget() {
        storage.removeItem(sessionTokenKey)
        http.setToken(null)
      },
    },
    onUnauthenticated,
  }
}
