import { useStore } from 'zustand'
import { useStores } from '../../app/stores-context'
import type { HandoverState } from './handover-store'

export const useHandover = <T>(selector: (state: HandoverState) => T): T => useStore(useStores().handover, selector)
