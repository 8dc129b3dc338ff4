import { z } from 'zod'
import { gases } from '../domain/gases'
import { command, query } from './define'
import { epochMs, pageInput, pageOf } from './common'
import { siteIdSchema } from './sites'

export const instrumentStatuses = ['in_service', 'out_of_service'] as const
export const instrumentStatusLabels: Record<(typeof instrumentStatuses)[number], string> = {
  in_service: 'In service',
  out_of_service: 'Out of service',
}

export const instrumentIdSchema = z.number().int().positive()

/** A gas monitor in a site's register, with whether it may be trusted now. */
export const instrumentSchema = z.object({
  id: instrumentIdSchema,
  siteId: siteIdSchema,
  siteName: z.string(),
  serial: z.string(),
  model: z.string(),
  name: z.string(),
  /** The sensors fitted: a reading of another gas from it is refused. */
  sensors: z.array(z.enum(gases)),
  lastBumpAt: epochMs.nullable(),
  calibrationDueAt: epochMs.nullable(),
  status: z.enum(instrumentStatuses),
  bumpOverdue: z.boolean(),
  calibrationOverdue: z.boolean(),
  lastReadingAt: epochMs.nullable(),
})
export type InstrumentDto = z.infer<typeof instrumentSchema>

const serial = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, 'may use only letters, digits, dot, dash, slash and underscore')

export const instrumentFields = {
  siteId: siteIdSchema,
  serial,
  model: z.string().trim().max(100, 'must be at most 100 characters').default(''),
  name: z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters'),
  sensors: z
    .array(z.enum(gases))
    .min(1, 'must name at least one sensor')
    .refine((list) => new Set(list).size === list.length, 'must not name a sensor twice'),
  lastBumpAt: epochMs.nullable().default(null),
  calibrationDueAt: epochMs.nullable().default(null),
  status: z.enum(instrumentStatuses).default('in_service'),
}

export const instrumentProcedures = {
  'instruments.list': query({
    description: 'The gas monitors of the register, paged, by site and search term (serial, model, name).',
    input: z.strictObject({
      ...pageInput,
      siteId: siteIdSchema.optional(),
      search: z.string().trim().max(64).optional(),
    }),
    output: pageOf(instrumentSchema),
  }),
  'instruments.save': command({
    description:
      'Registers a gas monitor, or changes one when an id is given: serial (unique), model, name, sensors, last bump test, calibration due, status.',
    input: z.strictObject({ id: instrumentIdSchema.optional(), ...instrumentFields }),
    output: instrumentSchema,
  }),
}
