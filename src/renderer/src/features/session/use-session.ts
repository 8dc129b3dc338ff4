import { useStore } from 'zustand'
import { useStores } from '../../app/stores-context'
import type { SessionState } from './session-store'

export const useSession = <T>(selector: (state: SessionState) => T): T => useStore(useStores().session, selector)
