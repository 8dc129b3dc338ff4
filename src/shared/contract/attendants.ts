import { z } from 'zod'
import { command, query } from './define'
import { epochMs } from './common'
import { userIdSchema } from './identity'
import { attendantSchema, permitIdSchema } from './permits'

export const attendantProcedures = {
  'attendants.assign': command({
    description: 'Assigns an attendant to a permit for a shift.',
    input: z
      .strictObject({
        permitId: permitIdSchema,
        userId: userIdSchema,
        shiftName: z.string().trim().min(1, 'is required').max(60, 'must be at most 60 characters'),
        shiftStart: epochMs,
        shiftEnd: epochMs,
      })
      .refine((a) => a.shiftEnd > a.shiftStart, { message: 'must be after the shift start', path: ['shiftEnd'] }),
    output: attendantSchema,
  }),
  'attendants.setStatus': command({
    description: 'An attendant goes on duty or is relieved.',
    input: z.strictObject({
      assignmentId: z.number().int().positive(),
      status: z.enum(['on_duty', 'relieved']),
    }),
    output: attendantSchema,
  }),
  'attendants.roster': query({
    description: 'The attendants of a permit, in the roster shape (fullName, role, shiftStart, shiftEnd).',
    input: z.strictObject({ permitId: permitIdSchema }),
    output: z.array(attendantSchema),
  }),
}
