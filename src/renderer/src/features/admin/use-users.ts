import { useStore } from 'zustand'
import { useStores } from '../../app/stores-context'
import type { UsersState } from './users-store'

export const useUsers = <T>(selector: (state: UsersState) => T): T => useStore(useStores().users, selector)
