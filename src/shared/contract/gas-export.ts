import { z } from 'zod'
import { epochMs } from './common'
import { command } from './define'
import { exportFileSchema, exportFormats } from './exports'
import { personKeySchema } from './exposure'
import { permitIdSchema } from './permits'
import { siteIdSchema } from './sites'
import { spaceIdSchema } from './spaces'

/** Whose gas data: one permit's monitors, every permit of a space, one person while inside, or every permit (of a site). */
export const gasExportSubjectSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('permit'), permitId: permitIdSchema }),
  z.strictObject({ kind: z.literal('space'), spaceId: spaceIdSchema }),
  z.strictObject({ kind: z.literal('person'), personKey: personKeySchema }),
  z.strictObject({ kind: z.literal('range'), siteId: siteIdSchema.optional() }),
])
export type GasExportSubject = z.infer<typeof gasExportSubjectSchema>

/** What one file holds: the readings (raw or rolled up), the alarms raised, or the worker exposure per shift. */
export const gasExportDatasets = ['readings', 'alarms', 'exposure'] as const
export type GasExportDataset = (typeof gasExportDatasets)[number]

/** The readings themselves, or their per-minute or per-hour rollups (count, mean, lowest, highest, first, last). */
export const gasExportResolutions = ['raw', 'minute', 'hour'] as const
export type GasExportResolution = (typeof gasExportResolutions)[number]

export const gasExportInputSchema = z
  .strictObject({
    subject: gasExportSubjectSchema,
    dataset: z.enum(gasExportDatasets).default('readings'),
    resolution: z.enum(gasExportResolutions).default('minute'),
    format: z.enum(exportFormats),
    /** From (epoch ms, inclusive); without it, from the subject's first data. Required for a range. */
    from: epochMs.optional(),
    /** To (epoch ms, exclusive); without it, up to when the export starts. */
    to: epochMs.optional(),
  })
  .superRefine((input, ctx) => {
    if (input.subject.kind === 'range' && input.from === undefined)
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'is required for a time range' })
    if (input.from !== undefined && input.to !== undefined && input.from >= input.to)
      ctx.addIssue({ code: 'custom', path: ['from'], message: 'must be before to' })
  })
export type GasExportInput = z.output<typeof gasExportInputSchema>

export const gasExportProcedures = {
  'gas.export': command({
    description:
      'Writes gas data of a permit, a space, a person (only while they were inside, from the entry log) or a time range into the caller’s exports folder as CSV or JSON, streamed with progress: the readings (raw, or per-minute or per-hour rollups), the alarms, or the exposure per shift. Times as ISO 8601 UTC and epoch ms, values in each gas’s unit; the file states its subject, range, resolution and the signed checkpoint it ends at.',
    input: gasExportInputSchema,
    output: exportFileSchema,
  }),
}
