import { z } from 'zod'
import { util } from 'zod/v4/core'
import { gases, gasInfo, gasLevelSchema, type Gas } from '../domain/gases'
import { gasStep } from '../domain/reading-values'
import { readingKinds } from './atmosphere'
import { command, query } from './define'
import { epochMs } from './common'
import { liveValuesSchema } from './live-values'
import { permitIdSchema } from './permits'

/** The templates' names for the four gases, in test order. */
export const templateGasNames = {
  o2: 'oxygenPercent',
  lel: 'lelPercent',
  h2s: 'h2sPpm',
  co: 'coPpm',
} as const satisfies Record<Gas, string>

/** The second template's spelling, accepted and read as the first's. */
const variantNames: Record<string, string> = {
  oxygenPct: 'oxygenPercent',
  readingsAt: 'loggedAt',
  monitorName: 'monitoredBy',
}

/** A gas level stored in whole steps (see gasStep): more decimals than that are refused, not rounded. */
const storedLevel = (gas: Gas) =>
  gasLevelSchema(gas).multipleOf(
    gasStep[gas],
    `must have at most ${gas === 'o2' ? '2 decimals' : '1 decimal'} (steps of ${String(gasStep[gas])})`,
  )

/** A row in the second template's names, read as the first's (a name already in the first's wins). */
export function withTemplateNames(row: unknown): unknown {
  if (row === null || typeof row !== 'object' || Array.isArray(row)) return row
  let renamed: Record<string, unknown> | null = null
  for (const [variant, target] of Object.entries(variantNames)) {
    if (!(variant in row) || target in row) continue
    renamed ??= { ...(row as Record<string, unknown>) }
    renamed[target] = renamed[variant]
    delete renamed[variant]
  }
  return renamed ?? row
}

/** The longest instrument serial a reading may name. */
export const maxSerialLength = 64

/**
 * One reading as a monitor, gateway or tablet sends it, in the first template's names (the
 * second's are read as these by withTemplateNames). A gas not measured is left out (never 0).
 * Tests (pre-entry, periodic) carry all four gases.
 */
export const readingRowSchema = z
  .strictObject({
    permitId: permitIdSchema,
    /** When the instrument took it (epoch ms). */
    loggedAt: epochMs,
    /** The instrument's serial, as in the register. */
    monitoredBy: z
      .string()
      .trim()
      .min(1, 'is required')
      .max(maxSerialLength, `must be at most ${String(maxSerialLength)} characters`),
    kind: z.enum(readingKinds).default('continuous'),
    oxygenPercent: storedLevel('o2').optional(),
    lelPercent: storedLevel('lel').optional(),
    h2sPpm: storedLevel('h2s').optional(),
    coPpm: storedLevel('co').optional(),
  })
  .superRefine((row, ctx) => {
    const measured = gases.filter((gas) => row[templateGasNames[gas]] !== undefined)
    if (measured.length === 0)
      ctx.addIssue({ code: 'custom', path: ['oxygenPercent'], message: 'at least one gas must be measured' })
    if (row.kind !== 'continuous')
      for (const gas of gases)
        if (row[templateGasNames[gas]] === undefined)
          ctx.addIssue({
            code: 'custom',
            path: [templateGasNames[gas]],
            message: 'is required in a test: a test measures all four gases',
          })
  })

/** One reading as stored: a row of readingRowSchema, read after withTemplateNames. */
export type ReadingInput = z.output<typeof readingRowSchema>

const kindsTaken: readonly unknown[] = readingKinds
const gasCount = gases.length
/** zod's own test behind multipleOf, so a step is judged exactly as the schema judges it. */
const { floatSafeRemainder } = util
const levelOf = (gas: Gas) => ({ min: gasInfo[gas].min, max: gasInfo[gas].max, step: gasStep[gas] })
const o2Level = levelOf('o2')
const lelLevel = levelOf('lel')
const h2sLevel = levelOf('h2s')
const coLevel = levelOf('co')

/** A gas level as storedLevel takes it: in the instrument range, on the gas's steps. */
const levelTaken = (value: unknown, { min, max, step }: { min: number; max: number; step: number }) =>
  typeof value === 'number' && value >= min && value <= max && floatSafeRemainder(value, step) === 0

/**
 * readingRowSchema's fast path, for ingest's batches of a thousand: a row that the schema would
 * take just as it is (the first template's names, a plain object, nothing to trim or default but
 * the kind) comes back exactly as the schema returns it; for anything else the answer is null and
 * the caller asks the schema, which stays the one authority and the only author of error
 * messages. Built from the same constants as the schema (ranges, steps, kinds, serial length) and
 * zod's own multiple-of test; sound rather than complete: whatever this takes, the schema takes
 * and returns equal (a fast-check property, test/contract/reading-row-fast-path.property.test.ts).
 */
export function readingRowAsIs(row: unknown): ReadingInput | null {
  if (typeof row !== 'object' || row === null) return null
  const prototype: unknown = Object.getPrototypeOf(row)
  if (prototype !== Object.prototype && prototype !== null) return null
  // Each field read by name (a thousand rows of one shape stay fast this way).
  const { permitId, loggedAt, monitoredBy, kind, oxygenPercent, lelPercent, h2sPpm, coPpm } = row as Partial<
    Record<keyof ReadingInput, unknown>
  >
  let given = 0
  for (const _ in row) given += 1
  const measured =
    (oxygenPercent === undefined ? 0 : 1) +
    (lelPercent === undefined ? 0 : 1) +
    (h2sPpm === undefined ? 0 : 1) +
    (coPpm === undefined ? 0 : 1)
  // As many fields as the schema's own names with a value: no other name (the schema would refuse
  // or rename it), none present but undefined.
  if (
    given !==
    (permitId === undefined ? 0 : 1) +
      (loggedAt === undefined ? 0 : 1) +
      (monitoredBy === undefined ? 0 : 1) +
      (kind === undefined ? 0 : 1) +
      measured
  )
    return null
  if (!Number.isSafeInteger(permitId) || (permitId as number) <= 0) return null
  if (!Number.isSafeInteger(loggedAt) || (loggedAt as number) < 0) return null
  if (
    typeof monitoredBy !== 'string' ||
    monitoredBy.length < 1 ||
    monitoredBy.length > maxSerialLength ||
    monitoredBy.trim() !== monitoredBy
  )
    return null
  if (kind !== undefined && !kindsTaken.includes(kind)) return null
  if (measured === 0 || (kind !== undefined && kind !== 'continuous' && measured < gasCount)) return null
  if (oxygenPercent !== undefined && !levelTaken(oxygenPercent, o2Level)) return null
  if (lelPercent !== undefined && !levelTaken(lelPercent, lelLevel)) return null
  if (h2sPpm !== undefined && !levelTaken(h2sPpm, h2sLevel)) return null
  if (coPpm !== undefined && !levelTaken(coPpm, coLevel)) return null
  const taken: ReadingInput =
    measured === gasCount
      ? // All four gases, the common row: one object built whole.
        {
          permitId: permitId as number,
          loggedAt: loggedAt as number,
          monitoredBy,
          kind: (kind ?? 'continuous') as ReadingInput['kind'],
          oxygenPercent: oxygenPercent as number,
          lelPercent: lelPercent as number,
          h2sPpm: h2sPpm as number,
          coPpm: coPpm as number,
        }
      : {
          permitId: permitId as number,
          loggedAt: loggedAt as number,
          monitoredBy,
          kind: (kind ?? 'continuous') as ReadingInput['kind'],
        }
  if (measured === gasCount) return taken
  if (oxygenPercent !== undefined) taken.oxygenPercent = oxygenPercent as number
  if (lelPercent !== undefined) taken.lelPercent = lelPercent as number
  if (h2sPpm !== undefined) taken.h2sPpm = h2sPpm as number
  if (coPpm !== undefined) taken.coPpm = coPpm as number
  return taken
}

export const maxReadingsPerBatch = 1000

export const readingProcedures = {
  'readings.ingest': command({
    description:
      'Records up to 1,000 readings for permits, all or nothing, acknowledged only after commit. Each is checked against the permit and the site’s alarm levels; a breach raises an alarm and may suspend the permit and order evacuation. An idempotency key makes a retried batch count once.',
    input: z.strictObject({
      /**
       * Each row is a reading: readingRowSchema, in either template's names (withTemplateNames). Rows
       * are checked one by one in the service, so a
       * refusal names every bad row and field at once: its shape, and what only the database knows.
       */
      readings: z
        .array(z.unknown())
        .min(1, 'must hold at least one reading')
        .max(maxReadingsPerBatch, `must hold at most ${String(maxReadingsPerBatch)} readings`),
      idempotencyKey: z.string().trim().min(8, 'must be at least 8 characters').max(128).optional(),
    }),
    output: z.object({
      accepted: z.number().int().nonnegative(),
      /** True when this key was seen before: nothing was stored again, the first answer is repeated. */
      duplicate: z.boolean(),
      /**
       * Continuous readings already stored for the same permit, instrument and millisecond (sent
       * before without an idempotency key, or in an imported datalog): the stored one stays.
       */
      alreadyStored: z.number().int().nonnegative(),
      from: epochMs,
      to: epochMs,
      alarmsRaised: z.number().int().nonnegative(),
      /** Sentences about instruments whose bump test or calibration is overdue. */
      flagged: z.array(z.string()),
    }),
  }),
  'readings.live': query({
    description: 'The latest value of each gas from each instrument on a permit, with its age and verdict.',
    input: z.strictObject({ permitId: permitIdSchema }),
    output: z.array(liveValuesSchema),
  }),
}
