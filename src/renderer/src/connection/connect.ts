import { createHttpTransport } from '../../../shared/client/http-transport'
import { createBridgeConnection } from './bridge-connection'
import type { Connection } from './connection'
import { createHttpConnection } from './http-connection'

/** Inside Electron the preload bridge is there; in a browser the page's own server answers. */
export function connect(): Connection {
  if (window.gatehouse) return createBridgeConnection(window.gatehouse)
  return createHttpConnection(createHttpTransport(window.location.origin), window.sessionStorage)
}
