import { useEffect, useMemo } from 'react'
import { useStore } from 'zustand'
import type { DirectoryEntryDto } from '../../../../shared/contract/identity'
import type { Role } from '../../../../shared/contract/roles'
import { useStores } from '../../app/stores-context'
import { useMayCall } from '../session/use-access'

export interface PeoplePick {
  /** Whether this person may read the people directory at all. */
  mayList: boolean
  /** The active accounts holding the role; empty until loaded. */
  people: DirectoryEntryDto[]
}

/** Accounts holding `role` (any role when null), for a picker that must name people, not ids. */
export function usePeopleWithRole(role: Role | null): PeoplePick {
  const store = useStores().people
  const mayList = useMayCall('users.directory')
  const users = useStore(store, (state) => state.users)
  const ensure = useStore(store, (state) => state.ensure)
  useEffect(() => ensure(mayList), [ensure, mayList])
  const people = useMemo(
    () => (users ?? []).filter((user) => role === null || user.roles.includes(role)),
    [users, role],
  )
  return { mayList, people }
}
