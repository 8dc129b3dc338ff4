import { trendResolutions } from '../../shared/contract/trends'
import type { TrendDto, TrendQueryInput, TrendSeries } from '../../shared/contract/trends'
import { gases } from '../../shared/domain/gases'
import type { Db, Sqlite } from '../db/database'
import { alarmsIn, occupiedIn } from './trend-context'
import { planTrend } from './trend-resolution'
import { createSeriesReader } from './trend-series'
import { createTrendScope } from './trend-scope'
import { resolveSubject } from './trend-subject'

/** The default silence that makes a feed stale (sites.max_reading_gap_seconds), when no site says. */
const defaultFeedGapMs = 60_000

/** Trend queries: a subject's series over a window, downsampled for the chart's width. */
export function createTrendService(deps: { db: Db; sqlite: Sqlite }) {
  const { db } = deps
  const readSeries = createSeriesReader(deps.sqlite)
  const scoped = createTrendScope(deps.sqlite)

  /** The longest feed gap among the subject's sites: a silence shorter than every site's limit is no gap. */
  const longestGapSeconds = deps.sqlite
    .prepare(
      `select max(s.max_reading_gap_seconds) from permits p join sites s on s.id = p.site_id
        where p.id in (select value from json_each(?))`,
    )
    .pluck()
  const feedGapMs = (permitIds: number[]): number =>
    ((longestGapSeconds.get(JSON.stringify(permitIds)) as number | null) ?? 0) * 1000 || defaultFeedGapMs

  return {
    query(input: TrendQueryInput): TrendDto {
      const { subject, from, to, width } = input
      const resolved = scoped(resolveSubject(db, subject), from, to)
      const plan = planTrend(from, to, width, feedGapMs(resolved.permitIds))
      const series: TrendSeries[] = []
      // The coarsest source any series came from (a permit whose readings are gone gives its rollups).
      let resolution = plan.resolution
      for (const source of resolved.sources) {
        const read = readSeries(source.permitId, source.instrumentId, from, to, plan)
        if (trendResolutions.indexOf(read.resolution) > trendResolutions.indexOf(resolution))
          resolution = read.resolution
        read.byGas.forEach((points, position) => {
          const gas = gases[position]
          if (points && gas) series.push({ gas, ...source, ...points })
        })
      }
      return {
        subject,
        title: resolved.title,
        from,
        to,
        resolution,
        columnMs: plan.columnMs,
        series,
        bands: resolved.bands,
        alarms: alarmsIn(db, resolved.permitIds, resolved.instrumentId, from, to),
        occupied: occupiedIn(db, resolved.permitIds, from, to),
      }
    },
  }
}

export type TrendService = ReturnType<typeof createTrendService>
