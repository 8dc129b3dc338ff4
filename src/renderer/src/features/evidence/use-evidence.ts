import { useStore } from 'zustand'
import { useStores } from '../../app/stores-context'
import type { EvidenceState } from './evidence-store'

export const useEvidence = <T>(selector: (state: EvidenceState) => T): T => useStore(useStores().evidence, selector)
