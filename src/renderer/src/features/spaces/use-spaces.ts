import { useStore } from 'zustand'
import { useStores } from '../../app/stores-context'
import type { SpacesState } from './spaces-store'

export const useSpaces = <T>(selector: (state: SpacesState) => T): T => useStore(useStores().spaces, selector)
