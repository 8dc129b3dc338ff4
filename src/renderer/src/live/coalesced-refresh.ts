/** How long a burst of events may gather before one load answers them all. */
export const refreshDelayMs = 50

export interface CoalescedRefresh {
  /** Loads at once (or once more after the load under way). */
  now(): Promise<void>
  /** Loads shortly; every call until then shares that one load. */
  soon(): void
  /** Drops a pending load; a load under way finishes but asks for no more. */
  stop(): void
}

/**
 * Events arrive in bursts (one entry moves the permit, the headcount and the board), and a load
 * can take longer than the gap between them: never two loads at once, and a burst costs at most
 * one more load, so the screen shows a change well within a second.
 */
export function coalescedRefresh(load: () => Promise<void>, delayMs = refreshDelayMs): CoalescedRefresh {
  let running: Promise<void> | null = null
  let again = false
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | undefined

  const run = (): Promise<void> => {
    if (stopped) return Promise.resolve()
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      try {
        do {
          again = false
          await load()
        } while (again && !stopped)
      } finally {
        running = null
      }
    })()
    return running
  }

  return {
    now: run,
    soon() {
      if (stopped || timer !== undefined) return
      timer = setTimeout(() => {
        timer = undefined
        void run()
      }, delayMs)
    },
    stop() {
      stopped = true
      clearTimeout(timer)
      timer = undefined
    },
  }
}

/**
 * Live screens also read again on this period: an event lost while the connection was down, or
 * a permit that expired by the clock with nobody acting, must not leave a screen quietly stale.
 */
export const safetyNetPollMs = 15_000

/** Asks for a load every `periodMs` until the returned function is called. */
export function pollEvery(refresh: CoalescedRefresh, periodMs = safetyNetPollMs): () => void {
  const timer = setInterval(() => refresh.soon(), periodMs)
  return () => clearInterval(timer)
}
