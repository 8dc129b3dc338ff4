import { z } from 'zod'
import { command, query } from './define'
import { epochMs, noInput, pageInput, pageOf } from './common'
import { roleSchema } from './roles'

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'must be at least 3 characters')
  .max(64, 'must be at most 64 characters')
  .regex(/^[a-z0-9._-]+$/, 'may use only letters, digits, dot, dash and underscore')

// OWASP ASVS 2.1.1 / NIST 800-63B: length over composition rules; 12 is our floor.
export const passwordSchema = z
  .string()
  .min(12, 'must be at least 12 characters')
  .max(256, 'must be at most 256 characters')

export const displayNameSchema = z.string().trim().min(1, 'is required').max(100, 'must be at most 100 characters')

export const userIdSchema = z.number().int().positive()

export const userSchema = z.object({
  id: userIdSchema,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  active: z.boolean(),
  createdAt: epochMs,
  lastLoginAt: epochMs.nullable(),
  /** Their manager, who may ask for access on their behalf. */
  managerId: userIdSchema.nullable(),
  /** An administrator reset the password: until they change it, their session may do nothing else. */
  mustChangePassword: z.boolean(),
})
export type UserDto = z.infer<typeof userSchema>

/** What a colleague may know of an account: enough to name them on a permit, nothing more. */
export const directoryEntrySchema = z.object({
  id: userIdSchema,
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
})
export type DirectoryEntryDto = z.infer<typeof directoryEntrySchema>

/** Someone the caller manages, named for choosing them: their roles are not the manager's business. */
export const reportSchema = directoryEntrySchema.pick({ id: true, username: true, displayName: true })
export type ReportDto = z.infer<typeof reportSchema>

/** A row of the administrator's list: the account and its manager's name, so the table needs no second look-up. */
export const userListItemSchema = userSchema.extend({ managerName: z.string().nullable() })
export type UserListItemDto = z.infer<typeof userListItemSchema>

export const sessionSchema = z.object({
  token: z.string(),
  idleTimeoutMs: z.number().int().positive(),
  user: userSchema,
})
export type SessionDto = z.infer<typeof sessionSchema>

const newAccount = {
  username: usernameSchema,
  displayName: displayNameSchema,
  password: passwordSchema,
}

export const identityProcedures = {
  'auth.status': query({
    description: 'Whether the first administrator still has to be created, and whether sign-up is open.',
    input: noInput,
    output: z.object({ needsFirstAdmin: z.boolean(), signUpOpen: z.boolean() }),
  }),
  'auth.setupFirstAdmin': command({
    description: 'Creates the first administrator on an empty database and signs them in.',
    input: z.strictObject(newAccount),
    output: sessionSchema,
  }),
  'auth.signUp': command({
    description: 'Creates a self-service account with the requester role only and signs it in.',
    input: z.strictObject(newAccount),
    output: sessionSchema,
  }),
  'auth.login': command({
    description: 'Signs in with username and password.',
    input: z.strictObject({ username: usernameSchema, password: z.string().min(1, 'is required').max(256) }),
    output: sessionSchema,
  }),
  'auth.logout': command({
    description: 'Ends the current session.',
    input: noInput,
    output: z.null(),
  }),
  'auth.me': query({
    description: 'The signed-in user.',
    input: noInput,
    output: userSchema,
  }),
  'auth.changePassword': command({
    description: 'Changes the signed-in user’s password; other sessions of that user end.',
    input: z.strictObject({ currentPassword: z.string().min(1, 'is required').max(256), newPassword: passwordSchema }),
    output: z.null(),
  }),
  'users.list': query({
    description: 'Lists user accounts, paged, optionally filtered by a search term.',
    input: z.strictObject({ ...pageInput, search: z.string().trim().max(64).optional() }),
    output: pageOf(userListItemSchema),
  }),
  'users.directory': query({
    description: 'Active accounts by name and role, for choosing supervisors, attendants and entrants.',
    input: z.strictObject({
      role: roleSchema.optional(),
      search: z.string().trim().max(64).optional(),
      limit: z.number().int().min(1, 'must be at least 1').max(500, 'must be at most 500').default(200),
    }),
    output: z.array(directoryEntrySchema),
  }),
  'users.reports': query({
    description: 'The active people whose manager is the caller, for asking for access on their behalf.',
    input: noInput,
    output: z.array(reportSchema),
  }),
  'users.create': command({
    description: 'An administrator creates an account with the given roles.',
    input: z.strictObject({
      ...newAccount,
      roles: z.array(roleSchema).min(1, 'must name at least one role'),
    }),
    output: userSchema,
  }),
  'users.setRoles': command({
    description: 'Replaces the roles of a user.',
    input: z.strictObject({
      userId: userIdSchema,
      roles: z.array(roleSchema).min(1, 'must name at least one role'),
    }),
    output: userSchema,
  }),
  'users.setManager': command({
    description: 'Names the manager of a user (who may ask for access on their behalf), or none.',
    input: z.strictObject({ userId: userIdSchema, managerId: userIdSchema.nullable() }),
    output: userSchema,
  }),
  'users.resetPassword': command({
    description:
      'An administrator sets a temporary password for a user, ends their sessions, and makes them change it at next sign-in.',
    input: z.strictObject({ userId: userIdSchema, temporaryPassword: passwordSchema }),
    output: userSchema,
  }),
  'users.setActive': command({
    description: 'Deactivates or reactivates an account. Accounts are never deleted.',
    input: z.strictObject({
      userId: userIdSchema,
      active: z.boolean(),
      reason: z.string().trim().min(1, 'is required').max(500, 'must be at most 500 characters'),
    }),
    output: userSchema,
  }),
}
