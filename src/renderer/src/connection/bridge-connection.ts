import { createApi } from '../../../shared/client/api'
import type { Transport } from '../../../shared/client/transport'
import type { Connection } from './connection'
import { watchUnauthenticated } from './unauthenticated-watch'

/**
 * Electron: the main process binds the session to this window, so no token ever reaches the
 * renderer. A reload keeps the window, so the session may still be there.
 */
export function createBridgeConnection(bridge: Transport): Connection {
  const { transport, onUnauthenticated } = watchUnauthenticated(bridge)
  return {
    api: createApi(transport),
    transport,
    session: { mayResume: () => true, remember: () => undefined, forget: () => undefined },
    desktop: true,
    onUnauthenticated,
  }
}
