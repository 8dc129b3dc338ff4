import type { StoreApi } from 'zustand/vanilla'
import type { AuditState } from './audit-store'

/** One part of the audit store: what it holds and does, built from the whole store's set and get. */
export type AuditSlice<T> = (set: StoreApi<AuditState>['setState'], get: StoreApi<AuditState>['getState']) => T

/**
 * The page's current visit: bumped when the person leaves, so an answer that arrives afterwards
 * (a verification, an export, a checkpoint) is dropped rather than shown on the next visit.
 */
export interface Visit {
  current: number
}
