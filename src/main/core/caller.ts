import type { Result } from '../../shared/contract/errors'

/** What only the desktop window can do for its caller; browser mode has none of it. */
export interface HostCapabilities {
  /** Prints the calling window's current page to a PDF the person saves; null when they cancel. */
  exportPdf(suggestedName: string): Promise<string | null>
  /** Prints the calling window's current page to PDF bytes, for an archive; nothing is asked. */
  printPdf(): Promise<Uint8Array>
}

/** Who is calling, as a transport knows it: the bearer token of a session, or none. */
export interface Caller {
  token: string | null
  host?: HostCapabilities
}

/** A call may start or end the caller's session; transports that hold tokens act on it. */
export type SessionChange = { kind: 'issued'; token: string } | { kind: 'ended' }

export interface DispatchOutcome {
  result: Result<unknown>
  sessionChange: SessionChange | null
}

/** The single gate into the domain. Never throws. */
export type Dispatch = (path: string, input: unknown, caller: Caller) => Promise<DispatchOutcome>
