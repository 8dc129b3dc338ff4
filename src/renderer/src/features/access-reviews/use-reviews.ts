import { useStore } from 'zustand'
import { useStores } from '../../app/stores-context'
import type { ReviewsState } from './reviews-store'

export const useReviews = <T>(selector: (state: ReviewsState) => T): T => useStore(useStores().reviews, selector)
