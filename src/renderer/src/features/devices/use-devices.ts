import { useStore } from 'zustand'
import { useStores } from '../../app/stores-context'
import type { DevicesState } from './devices-store'

export const useDevices = <T>(selector: (state: DevicesState) => T): T => useStore(useStores().devices, selector)
