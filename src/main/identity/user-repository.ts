import { and, asc, count, eq, inArray, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { ReportDto, UserDto } from '../../shared/contract/identity'
import type { Role } from '../../shared/contract/roles'
import type { Db } from '../db/database'
import { preparedQuery } from '../db/prepared-query'
import { userRoles, users } from '../db/schema'
import { containsText } from '../db/text-search'

export type UserRow = typeof users.$inferSelect

export const countUsers = (db: Db): number => db.select({ n: count() }).from(users).get()?.n ?? 0

export const findUserByUsername = (db: Db, username: string): UserRow | undefined =>
  db.select().from(users).where(eq(users.username, username)).get()

const userById = preparedQuery((db) =>
  db
    .select()
    .from(users)
    .where(eq(users.id, sql.placeholder('id')))
    .prepare(),
)

export const findUserById = (db: Db, id: number): UserRow | undefined => userById(db).get({ id })

export function rolesOf(db: Db, userId: number): Role[] {
  return db
    .select({ role: userRoles.role })
    .from(userRoles)
    .where(eq(userRoles.userId, userId))
    .orderBy(asc(userRoles.role))
    .all()
    .map((row) => row.role)
}

export function insertUser(
  db: Db,
  user: { username: string; displayName: string; passwordHash: string },
  roles: readonly Role[],
  now: number,
): UserRow {
  const row = db
    .insert(users)
    .values({ ...user, active: true, createdAt: now, updatedAt: now })
    .returning()
    .get()
  replaceRoles(db, row.id, roles)
  return row
}

export function replaceRoles(db: Db, userId: number, roles: readonly Role[]): void {
  db.delete(userRoles).where(eq(userRoles.userId, userId)).run()
  const unique = [...new Set(roles)]
  if (unique.length > 0)
    db.insert(userRoles)
      .values(unique.map((role) => ({ userId, role })))
      .run()
}

export function updateUser(db: Db, id: number, changes: Partial<Omit<UserRow, 'id'>>): void {
  db.update(users).set(changes).where(eq(users.id, id)).run()
}

/** Active administrators other than `exceptUserId`: the last one must never be locked out. */
export function countOtherActiveAdmins(db: Db, exceptUserId: number): number {
  return (
    db
      .select({ n: count() })
      .from(users)
      .innerJoin(userRoles, eq(userRoles.userId, users.id))
      .where(and(eq(userRoles.role, 'administrator'), eq(users.active, true), sql`${users.id} <> ${exceptUserId}`))
      .get()?.n ?? 0
  )
}

const manager = alias(users, 'manager')

/** A page of accounts by username, each with its manager's name. */
export function listUsers(db: Db, limit: number, offset: number, search?: string) {
  const where = containsText([users.username, users.displayName], search)
  const rows = db
    .select({ user: users, managerName: manager.displayName })
    .from(users)
    .leftJoin(manager, eq(manager.id, users.managerId))
    .where(where)
    .orderBy(asc(users.username))
    .limit(limit)
    .offset(offset)
    .all()
  const total = db.select({ n: count() }).from(users).where(where).get()?.n ?? 0
  return { rows, total }
}

export function rolesByUser(db: Db, userIds: number[]): Map<number, Role[]> {
  const map = new Map<number, Role[]>()
  if (userIds.length === 0) return map
  for (const row of db
    .select()
    .from(userRoles)
    .where(inArray(userRoles.userId, userIds))
    .orderBy(asc(userRoles.role))
    .all()) {
    map.set(row.userId, [...(map.get(row.userId) ?? []), row.role])
  }
  return map
}

export const toUserDto = (row: UserRow, roles: Role[]): UserDto => ({
  id: row.id,
  username: row.username,
  displayName: row.displayName,
  roles,
  active: row.active,
  createdAt: row.createdAt,
  lastLoginAt: row.lastLoginAt,
  managerId: row.managerId,
  mustChangePassword: row.mustChangePassword,
})

/** Active accounts, optionally holding one role and matching a search, by display name. */
export function directory(db: Db, filter: { role?: Role; search?: string; limit: number }) {
  const withRole = filter.role
    ? inArray(users.id, db.select({ id: userRoles.userId }).from(userRoles).where(eq(userRoles.role, filter.role)))
    : undefined
  const rows = db
    .select()
    .from(users)
    .where(and(eq(users.active, true), withRole, containsText([users.username, users.displayName], filter.search)))
    .orderBy(asc(users.displayName))
    .limit(filter.limit)
    .all()
  const roles = rolesByUser(
    db,
    rows.map((row) => row.id),
  )
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    roles: roles.get(row.id) ?? [],
  }))
}

/**
 * The active accounts `managerId` manages, by display name. Capped like the directory: nobody
 * manages that many people directly, and the main process never returns unbounded rows.
 */
export function reportsOf(db: Db, managerId: number): ReportDto[] {
  return db
    .select({ id: users.id, username: users.username, displayName: users.displayName })
    .from(users)
    .where(and(eq(users.managerId, managerId), eq(users.active, true)))
    .orderBy(asc(users.displayName))
    .limit(500)
    .all()
}
