import { useStore } from 'zustand'
import { useStores } from '../../app/stores-context'
import type { SimulatorState } from './simulator-store'

export const useSimulator = <T>(selector: (state: SimulatorState) => T): T => useStore(useStores().simulator, selector)
