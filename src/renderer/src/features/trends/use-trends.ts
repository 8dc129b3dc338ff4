import { useStore } from 'zustand'
import { useStores } from '../../app/stores-context'
import type { TrendSubjectsState } from './trend-subjects-store'
import type { TrendsState } from './trends-store'

export const useTrends = <T>(selector: (state: TrendsState) => T): T => useStore(useStores().trends, selector)

export const useTrendSubjects = <T>(selector: (state: TrendSubjectsState) => T): T =>
  useStore(useStores().trendSubjects, selector)
