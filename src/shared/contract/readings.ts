import { z } from 'zod'
import { gases, gasLevelSchema, type Gas } from '../domain/gases'
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
    monitoredBy: z.string().trim().min(1, 'is required').max(64, 'must be at most 64 characters'),
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
