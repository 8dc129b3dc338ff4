import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core'
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core'
import { roles } from '../../../shared/contract/roles'

/** A person's account: how they sign in and are named; their roles are in user_roles. */
export const users = sqliteTable('users', {
  /** User id. */
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** The sign-in name. Stored lower-case; unique. */
  username: text('username').notNull().unique(),
  /** The name colleagues know them by, shown on permits, timelines and lists. */
  displayName: text('display_name').notNull(),
  /** scrypt hash with its parameters; never leaves the main process. */
  passwordHash: text('password_hash').notNull(),
  /** Whether the account may sign in (0/1); accounts are deactivated, never deleted. */
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  /** When the account was made (ms since epoch). */
  createdAt: integer('created_at').notNull(),
  /** When the account last changed (ms since epoch). */
  updatedAt: integer('updated_at').notNull(),
  /** When they last signed in (ms since epoch); null: never. */
  lastLoginAt: integer('last_login_at'),
  /** Their manager, who may ask for access on their behalf. */
  managerId: integer('manager_id').references((): AnySQLiteColumn => users.id),
  /** Set when an administrator resets the password (0/1): the next session may only change it. */
  mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
})

/** One role held by one user; a user holds a set of roles. */
export const userRoles = sqliteTable(
  'user_roles',
  {
    /** The user who holds the role. */
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** The role held. */
    role: text('role', { enum: roles }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] }), index('user_roles_role_idx').on(t.role)],
)
