import { z } from 'zod'
import { command } from './define'
import { timeZoneSchema } from './common'
import { exportFileSchema } from './exports'
import { permitIdSchema } from './permits'
import { siteIdSchema } from './sites'

export const evidenceProcedures = {
  'evidence.permitPack': command({
    description:
      'Writes a permit’s evidence pack for an external reviewer into the caller’s exports folder, one ZIP archive: the full record as JSON (every (f) field, the signature, timeline, tests, readings summary, alarms, entries and exits, attendants, linked access grants), the audit entries that touched it with a signed checkpoint, SHA-256 sums, and on the desktop the printed permit as PDF (call it from the print view).',
    input: z.strictObject({ permitId: permitIdSchema }),
    output: exportFileSchema,
  }),
  'evidence.annualReview': command({
    description:
      'Writes the annual programme review pack (1910.146(d)(14), (e)(6)) into the caller’s exports folder, one ZIP archive: every permit closed or cancelled in the year (from midnight of January 1 to the next, in the time zone given, UTC unless one is) with the problems noted at close-out, refusals, evacuations, alarms and the shifts whose exposure (8 h TWA, 15 min STEL) went over a limit, as a readable report plus CSV, with a signed checkpoint.',
    input: z.strictObject({
      year: z.number().int().min(2000, 'must be 2000 or later').max(2100, 'must be 2100 or earlier'),
      siteId: siteIdSchema.optional(),
      /** Whose calendar the year is: the workstation's zone, so the year ends at the site's midnight. */
      timeZone: timeZoneSchema.default('UTC'),
    }),
    output: exportFileSchema,
  }),
}
