import type { Api } from '../../../shared/client/api'
import type { Transport } from '../../../shared/client/transport'

/** Where this window's session lives between page loads. */
export interface SessionKeeper {
  /** Whether a session may have survived from before this page load, so auth.me is worth asking. */
  mayResume(): boolean
  remember(token: string): void
  forget(): void
}

/** Everything the renderer needs to talk to Gatehouse, whichever transport carries it. */
export interface Connection {
  readonly api: Api
  /** For event subscriptions; calls go through `api`. */
  readonly transport: Transport
  readonly session: SessionKeeper
  /** The desktop window (Electron bridge): it can save PDFs; a browser prints instead. */
  readonly desktop: boolean
  /** Runs `listener` with the server's reason whenever any call is refused as UNAUTHENTICATED; returns an unsubscribe. */
  onUnauthenticated(listener: (message: string) => void): () => void
}
