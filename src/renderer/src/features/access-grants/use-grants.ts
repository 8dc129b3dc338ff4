import { useStore } from 'zustand'
import { useStores } from '../../app/stores-context'
import type { GrantsState } from './grants-store'

export const useGrants = <T>(selector: (state: GrantsState) => T): T => useStore(useStores().grants, selector)
