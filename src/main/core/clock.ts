/** Services read time from here so tests can control it. Epoch milliseconds, UTC. */
export interface Clock {
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }
