import { useStore } from 'zustand'
import { useStores } from '../../app/stores-context'
import type { GasExportState } from './gas-export-store'

export const useGasExport = <T>(selector: (state: GasExportState) => T): T => useStore(useStores().gasExport, selector)
