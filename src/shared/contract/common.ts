import { z } from 'zod'

/** Times cross the wire as UTC epoch milliseconds. */
export const epochMs = z.number().int().nonnegative()

const isTimeZone = (name: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name })
    return true
  } catch {
    return false
  }
}

/** A calendar's time zone by its IANA name, as the workstation reports it (America/Chicago, UTC). */
export const timeZoneSchema = z
  .string()
  .max(64, 'must be at most 64 characters')
  .refine(isTimeZone, 'must be an IANA time zone, such as America/Chicago or UTC')

const isEpochMs = (value: unknown) => Number.isSafeInteger(value) && (value as number) >= 0
const isFiniteOrNull = (value: unknown) => value === null || Number.isFinite(value)

/**
 * A long column of numbers, such as a chart's times or values (tens of thousands a query). Checked
 * in one loop: through z.array(z.number()) every element is a schema run and a copy, and a year's
 * trend spent more time in that check than in reading its rollups. Described as the array it is.
 */
const numberColumn = <T>(isElement: (value: unknown) => boolean, element: object, rule: string) =>
  z
    .custom<T[]>((value) => Array.isArray(value) && value.every(isElement), { message: `must be an array of ${rule}` })
    .meta({ type: 'array', items: element })

/** Times as a column of epoch milliseconds. */
export const epochMsColumn = numberColumn<number>(
  isEpochMs,
  { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
  'epoch milliseconds',
)

/** Values as a column of finite numbers, null where there is none. */
export const nullableNumberColumn = numberColumn<number | null>(
  isFiniteOrNull,
  { type: ['number', 'null'] },
  'finite numbers or nulls',
)

export const noInput = z.strictObject({})

/** Lists are always paged: the main process never returns unbounded rows. */
export const pageInput = {
  limit: z.number().int().min(1, 'must be at least 1').max(200, 'must be at most 200').default(50),
  offset: z.number().int().min(0, 'must not be negative').default(0),
}

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int().nonnegative() })
