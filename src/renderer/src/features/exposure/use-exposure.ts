import { useStore } from 'zustand'
import { useStores } from '../../app/stores-context'
import type { ExposureState } from './exposure-store'

export const useExposure = <T>(selector: (state: ExposureState) => T): T => useStore(useStores().exposure, selector)
