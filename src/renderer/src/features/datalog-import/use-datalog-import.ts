import { useStore } from 'zustand'
import { useStores } from '../../app/stores-context'
import type { DatalogImportState } from './datalog-import-store'

export const useDatalogImport = <T>(selector: (state: DatalogImportState) => T): T =>
  useStore(useStores().datalogImport, selector)
