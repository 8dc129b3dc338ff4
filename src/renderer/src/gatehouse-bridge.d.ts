import type { Transport } from '../../shared/client/transport'

declare global {
  interface Window {
    /** The Electron preload bridge; absent in browser mode. */
    readonly gatehouse?: Transport
  }
}
