import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'

export interface ClockState {
  /** Server time minus workstation time, from the last answer that carried the server's now. */
  offsetMs: number
  /** Whether offsetMs came from the server, or is the 0 of a workstation that has not heard yet. */
  synced: boolean
  observe(serverNow: number): void
}

export type ClockStore = StoreApi<ClockState>

/**
 * Time left on a permit and the age of a test are counted on the server's clock: a workstation
 * whose clock is wrong must not show a permit as valid that the server already treats as expired.
 */
export function createClockStore(now: () => number = Date.now): ClockStore {
  return createStore<ClockState>()((set) => ({
    offsetMs: 0,
    synced: false,
    observe: (serverNow) => set({ offsetMs: serverNow - now(), synced: true }),
  }))
}
