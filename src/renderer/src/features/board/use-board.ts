import { useStore } from 'zustand'
import { useStores } from '../../app/stores-context'
import type { BoardState } from './board-store'

export const useBoard = <T>(selector: (state: BoardState) => T): T => useStore(useStores().board, selector)
