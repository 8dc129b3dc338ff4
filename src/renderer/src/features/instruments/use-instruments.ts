import { useStore } from 'zustand'
import { useStores } from '../../app/stores-context'
import type { InstrumentsState } from './instruments-store'

export const useInstruments = <T>(selector: (state: InstrumentsState) => T): T =>
  useStore(useStores().instruments, selector)
