import { useStore } from 'zustand'
import { useStores } from '../../app/stores-context'
import type { PermitViewState } from './permit-view-state'

export const usePermit = <T>(selector: (state: PermitViewState) => T): T => useStore(useStores().permit, selector)
