/**
 * A token bucket per key: `capacity` at once, refilled at `perSecond`. In memory: limits protect
 * this process from one runaway device; they are not a record.
 */
export function createRateLimiter(limit: { capacity: number; perSecond: number }, now: () => number) {
  const buckets = new Map<string, { tokens: number; at: number }>()
  return {
    /** Takes `cost` from the key's bucket; false (and nothing taken) when it does not hold that much. */
    take(key: string, cost = 1): boolean {
      const t = now()
      const bucket = buckets.get(key) ?? { tokens: limit.capacity, at: t }
      bucket.tokens = Math.min(limit.capacity, bucket.tokens + ((t - bucket.at) / 1000) * limit.perSecond)
      bucket.at = t
      buckets.set(key, bucket)
      if (bucket.tokens < cost) return false
      bucket.tokens -= cost
      return true
    },
  }
}
