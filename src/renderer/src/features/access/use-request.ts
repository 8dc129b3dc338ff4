import { useStore } from 'zustand'
import { useStores } from '../../app/stores-context'
import type { RequestState } from './request-store'

export const useRequest = <T>(selector: (state: RequestState) => T): T => useStore(useStores().request, selector)
