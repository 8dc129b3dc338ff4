import type { AuditEntryDto } from '../../../src/shared/contract/audit'
import type { SessionDto, UserDto, DirectoryEntryDto } from '../../../src/shared/contract/identity'
import type { Role } from '../../../src/shared/contract/roles'

const t0 = Date.UTC(2025, 5, 2, 8, 30)

export function aUser(roles: Role[], overrides: Partial<UserDto> = {}): UserDto {
  return {
    id: 1,
    username: 'dana',
    displayName: 'Dana Okafor',
    roles,
    active: true,
    createdAt: t0,
    lastLoginAt: null,
    managerId: null,
    mustChangePassword: false,
    ...overrides,
  }
}

export const aSession = (user: UserDto): SessionDto => ({
  token: `token-of-${user.username}`,
  idleTimeoutMs: 900_000,
  user,
})

export function anAuditEntry(seq: number, overrides: Partial<AuditEntryDto> = {}): AuditEntryDto {
  return {
    seq,
    at: t0 + seq * 60_000,
    actorId: 1,
    actorName: 'Dana Okafor',
    action: 'users.create',
    entityType: 'user',
    entityId: String(seq),
    before: null,
    after: '{}',
    prevHash: `hash-${seq - 1}`,
    hash: `hash-${seq}`,
    entityLabel: `User ${String(seq)}`,
    summary: `Account User ${String(seq)} created`,
    user: 'Dana Okafor',
    resource: `user User ${String(seq)}`,
    timestamp: new Date(t0 + seq * 60_000).toISOString(),
    ...overrides,
  }
}

/** The people directory a supervisor sees: themself (aUser's id) and one colleague. */
export const aDirectory: DirectoryEntryDto[] = [
  { id: 1, username: 'dana', displayName: 'Dana Okafor', roles: ['supervisor'] },
  { id: 9, username: 'lee', displayName: 'Lee Novak', roles: ['supervisor', 'attendant'] },
]
