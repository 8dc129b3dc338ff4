import { useStore } from 'zustand'
import { useStores } from '../../app/stores-context'
import type { InboxState } from './inbox-store'

export const useInbox = <T>(selector: (state: InboxState) => T): T => useStore(useStores().inbox, selector)
