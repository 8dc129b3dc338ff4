import { useStore } from 'zustand'
import { useStores } from '../../app/stores-context'
import type { QueueState } from './queue-store'

export const useQueue = <T>(selector: (state: QueueState) => T): T => useStore(useStores().queue, selector)
