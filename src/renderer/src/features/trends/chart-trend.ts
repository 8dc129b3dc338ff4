import type { TrendDto, TrendSeries } from '../../../../shared/contract/trends'

/** One point as a chart reads it: [time (epoch ms), value]; a null value is a gap. */
export type TrendPoint = [number, number | null]

/** A series as the charts draw it: its points as pairs (the wire sends two columns, times and values). */
export type ChartSeries = Omit<TrendSeries, 'times' | 'values'> & { points: TrendPoint[] }

/** A trend as the charts draw it. */
export type ChartTrend = Omit<TrendDto, 'series'> & { series: ChartSeries[] }

/** From the wire's columns to the pairs the charts and the live buffer work with. */
export function toChartTrend(dto: TrendDto): ChartTrend {
  return {
    ...dto,
    series: dto.series.map(({ times, values, ...series }) => ({
      ...series,
      points: times.map((at, index): TrendPoint => [at, values[index] ?? null]),
    })),
  }
}
