import { z } from 'zod'

/** Times cross the wire as UTC epoch milliseconds. */
export const epochMs = z.number().int().nonnegative()

export const noInput = z.strictObject({})

/** Lists are always paged: the main process never returns unbounded rows. */
export const pageInput = {
  limit: z.number().int().min(1, 'must be at least 1').max(200, 'must be at most 200').default(50),
  offset: z.number().int().min(0, 'must not be negative').default(0),
}

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int().nonnegative() })
