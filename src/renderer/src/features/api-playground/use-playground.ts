import { useStore } from 'zustand'
import { useStores } from '../../app/stores-context'
import type { PlaygroundState } from './playground-store'

export const usePlayground = <T>(selector: (state: PlaygroundState) => T): T =>
  useStore(useStores().playground, selector)
