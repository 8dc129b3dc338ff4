import { useStore } from 'zustand'
import { useStores } from '../../app/stores-context'
import type { SystemState } from './system-store'

export const useSystem = <T>(selector: (state: SystemState) => T): T => useStore(useStores().system, selector)
