import type { ParsedInput } from '../../shared/contract/procedures'
import type { UserDto } from '../../shared/contract/identity'
import { conflict, notFound, preconditionFailed } from '../core/domain-error'
import type { Commit } from '../core/unit-of-work'
import type { Db } from '../db/database'
import type { PasswordHasher } from './password-hasher'
import { actorOf } from './principal'
import type { Principal } from './principal'
import { endSessionsOfUser } from './session-repository'
import {
  countOtherActiveAdmins,
  directory,
  findUserById,
  findUserByUsername,
  insertUser,
  listUsers,
  replaceRoles,
  reportsOf,
  rolesByUser,
  rolesOf,
  toUserDto,
  updateUser,
} from './user-repository'

/** Administrators manage accounts. Accounts are never deleted: people appear in records. */
export function createUserAdminService(deps: { db: Db; commit: Commit; hasher: PasswordHasher }) {
  const { db, commit, hasher } = deps

  function requireUser(tx: Db, userId: number) {
    const user = findUserById(tx, userId)
    if (!user) throw notFound(`There is no user with id ${userId}.`)
    return user
  }

  return {
    list(input: ParsedInput<'users.list'>) {
      const { rows, total } = listUsers(db, input.limit, input.offset, input.search)
      const roles = rolesByUser(
        db,
        rows.map((row) => row.user.id),
      )
      return {
        items: rows.map((row) => ({
          ...toUserDto(row.user, roles.get(row.user.id) ?? []),
          managerName: row.managerName,
        })),
        total,
      }
    },

    directory(input: ParsedInput<'users.directory'>) {
      return directory(db, input)
    },

    /** Record-level: a caller only ever learns of their own reports. */
    reports(principal: Principal) {
      return reportsOf(db, principal.userId)
    },

    async create(principal: Principal, input: ParsedInput<'users.create'>): Promise<UserDto> {
      if (findUserByUsername(db, input.username)) throw conflict(`The username "${input.username}" is already taken.`)
      const passwordHash = await hasher.hash(input.password)
      return commit(actorOf(principal), (tx, now) => {
        if (findUserByUsername(tx, input.username)) throw conflict(`The username "${input.username}" is already taken.`)
        const user = insertUser(
          tx,
          { username: input.username, displayName: input.displayName, passwordHash },
          input.roles,
          now,
        )
        const dto = toUserDto(user, rolesOf(tx, user.id))
        return {
          value: dto,
          audit: {
            action: 'user.created',
            entityType: 'user',
            entityId: user.id,
            after: { username: dto.username, displayName: dto.displayName, roles: dto.roles },
          },
          events: [{ name: 'users.changed', payload: { userId: user.id, change: 'created', at: now } }],
        }
      })
    },

    setRoles(principal: Principal, input: ParsedInput<'users.setRoles'>): UserDto {
      return commit(actorOf(principal), (tx, now) => {
        const user = requireUser(tx, input.userId)
        const before = rolesOf(tx, user.id)
        const losesAdmin = before.includes('administrator') && !input.roles.includes('administrator')
        if (losesAdmin && user.active && countOtherActiveAdmins(tx, user.id) === 0) {
          throw preconditionFailed(
            'This is the last active administrator; give another account the administrator role first.',
          )
        }
        replaceRoles(tx, user.id, input.roles)
        updateUser(tx, user.id, { updatedAt: now })
        const after = rolesOf(tx, user.id)
        return {
          value: toUserDto({ ...user, updatedAt: now }, after),
          audit: {
            action: 'user.roles_changed',
            entityType: 'user',
            entityId: user.id,
            before: { roles: before },
            after: { roles: after },
          },
          events: [{ name: 'users.changed', payload: { userId: user.id, change: 'roles', at: now } }],
        }
      })
    },

    setManager(principal: Principal, input: ParsedInput<'users.setManager'>): UserDto {
      return commit(actorOf(principal), (tx, now) => {
        const user = requireUser(tx, input.userId)
        if (input.managerId !== null) {
          if (input.managerId === user.id) throw preconditionFailed('Nobody is their own manager.')
          const manager = requireUser(tx, input.managerId)
          if (!manager.active) throw preconditionFailed(`${manager.displayName}’s account is deactivated.`)
        }
        updateUser(tx, user.id, { managerId: input.managerId, updatedAt: now })
        return {
          value: toUserDto({ ...user, managerId: input.managerId, updatedAt: now }, rolesOf(tx, user.id)),
          audit: {
            action: 'user.manager_changed',
            entityType: 'user',
            entityId: user.id,
            before: { managerId: user.managerId },
            after: { managerId: input.managerId },
          },
          events: [{ name: 'users.changed', payload: { userId: user.id, change: 'manager', at: now } }],
        }
      })
    },

    /** The administrator types the temporary password and passes it on; it only opens the change-password dialog. */
    async resetPassword(principal: Principal, input: ParsedInput<'users.resetPassword'>): Promise<UserDto> {
      if (input.userId === principal.userId)
        throw preconditionFailed('Change your own password from your menu, with your current password.')
      const passwordHash = await hasher.hash(input.temporaryPassword)
      return commit(actorOf(principal), (tx, now) => {
        const user = requireUser(tx, input.userId)
        updateUser(tx, user.id, { passwordHash, mustChangePassword: true, updatedAt: now })
        const sessionsEnded = endSessionsOfUser(tx, user.id, 'password reset', now)
        return {
          value: toUserDto({ ...user, mustChangePassword: true, updatedAt: now }, rolesOf(tx, user.id)),
          audit: {
            action: 'user.password_reset',
            entityType: 'user',
            entityId: user.id,
            after: { mustChangePassword: true, sessionsEnded },
          },
          events: [{ name: 'users.changed', payload: { userId: user.id, change: 'password', at: now } }],
        }
      })
    },

    setActive(principal: Principal, input: ParsedInput<'users.setActive'>): UserDto {
      return commit(actorOf(principal), (tx, now) => {
        const user = requireUser(tx, input.userId)
        if (!input.active && user.id === principal.userId)
          throw preconditionFailed('You cannot deactivate your own account.')
        const roles = rolesOf(tx, user.id)
        if (!input.active && roles.includes('administrator') && countOtherActiveAdmins(tx, user.id) === 0) {
          throw preconditionFailed('This is the last active administrator; it cannot be deactivated.')
        }
        updateUser(tx, user.id, { active: input.active, updatedAt: now })
        const sessionsEnded = input.active ? 0 : endSessionsOfUser(tx, user.id, 'deactivated', now)
        return {
          value: toUserDto({ ...user, active: input.active, updatedAt: now }, roles),
          audit: {
            action: input.active ? 'user.reactivated' : 'user.deactivated',
            entityType: 'user',
            entityId: user.id,
            before: { active: user.active },
            after: { active: input.active, reason: input.reason, sessionsEnded },
          },
          events: [{ name: 'users.changed', payload: { userId: user.id, change: 'active', at: now } }],
        }
      })
    },
  }
}

export type UserAdminService = ReturnType<typeof createUserAdminService>
