import type { HandlersFor } from '../core/handler-types'
import type { TrendService } from './trend-service'

export function createTrendHandlers(trends: TrendService): HandlersFor<'trends'> {
  return {
    'trends.query': (input) => trends.query(input),
  }
}
