import { useStore } from 'zustand'
import { useStores } from '../../app/stores-context'
import type { IntegrityChecksState } from './integrity-checks-store'

export const useIntegrityChecks = <T>(selector: (state: IntegrityChecksState) => T): T =>
  useStore(useStores().integrityChecks, selector)
