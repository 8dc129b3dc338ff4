import { useStore } from 'zustand'
import { useStores } from '../../app/stores-context'
import type { SitesState } from './sites-store'

export const useSites = <T>(selector: (state: SitesState) => T): T => useStore(useStores().sites, selector)
