import { useStore } from 'zustand'
import { useStores } from '../../app/stores-context'
import type { RetentionState } from './retention-store'

export const useRetention = <T>(selector: (state: RetentionState) => T): T => useStore(useStores().retention, selector)
