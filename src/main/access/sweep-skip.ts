import { DomainError } from '../core/domain-error'

/**
 * Time-driven work (expiry, reminders) reads what is due, then changes each item in its own
 * transaction. Another process may have changed an item in between; its transaction then throws
 * this, rolls back (writing nothing, not even an audit entry), and the sweep moves on.
 */
class NoLongerDue extends DomainError {
  constructor() {
    super('CONFLICT', 'No longer due.')
  }
}

export const noLongerDue = () => new NoLongerDue()

/** Runs one item's transaction; false when the item turned out to be no longer due. */
export function skipIfNoLongerDue(run: () => unknown): boolean {
  try {
    run()
    return true
  } catch (error) {
    if (error instanceof NoLongerDue) return false
    throw error
  }
}
