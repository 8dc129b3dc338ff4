import { useStore } from 'zustand'
import { useStores } from '../../app/stores-context'
import type { MyAccessState } from './my-access-store'

export const useMyAccess = <T>(selector: (state: MyAccessState) => T): T => useStore(useStores().myAccess, selector)
