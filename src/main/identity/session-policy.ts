/** How long sessions live. Control-room workstations sign out when left alone. */
export interface SessionPolicy {
  idleTimeoutMs: number
  maxLifetimeMs: number
  /** last-seen is written at most this often, not on every call. */
  touchIntervalMs: number
}

export const defaultSessionPolicy: SessionPolicy = {
  idleTimeoutMs: 30 * 60_000,
  maxLifetimeMs: 12 * 60 * 60_000,
  touchIntervalMs: 30_000,
}

/**
 * All a session may call while its account must change a temporary password: anything more
 * would let whoever read the temporary password act as the person.
 */
export const whilePasswordMustChange: ReadonlySet<string> = new Set(['auth.changePassword', 'auth.me', 'auth.logout'])

export const mustChangePasswordMessage =
  'An administrator set a temporary password for your account. Change it before doing anything else.'

/** Sign-in throttling: after this many consecutive failures, each next try waits longer. */
export const loginThrottle = {
  freeFailures: 5,
  windowMs: 15 * 60_000,
  firstDelayMs: 30_000,
  maxDelayMs: 15 * 60_000,
}

/** How long the account must wait before the next try, given its recent consecutive failures. */
export function throttleDelayMs(consecutiveFailures: number): number {
  if (consecutiveFailures < loginThrottle.freeFailures) return 0
  const doublings = consecutiveFailures - loginThrottle.freeFailures
  return Math.min(loginThrottle.firstDelayMs * 2 ** doublings, loginThrottle.maxDelayMs)
}
