import { useStore } from 'zustand'
import { useStores } from '../../app/stores-context'
import type { EntriesState } from './entries-store'

export const useEntries = <T>(selector: (state: EntriesState) => T): T => useStore(useStores().entries, selector)
