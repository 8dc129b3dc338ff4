import { z } from 'zod'
import { alarmLevels } from '../domain/alarm-levels'
import { gases } from '../domain/gases'
import { epochMs, epochMsColumn, nullableNumberColumn } from './common'
import { query } from './define'
import { permitIdSchema } from './permits'
import { spaceIdSchema } from './spaces'

/** The windows a chart offers at one click; any other from 15 minutes to a year is a custom range. */
export const trendPresets = ['15m', '1h', '8h', '24h', '7d', '30d', '1y'] as const
export type TrendPreset = (typeof trendPresets)[number]
export const trendPresetMs: Record<TrendPreset, number> = {
  '15m': 15 * 60_000,
  '1h': 3_600_000,
  '8h': 8 * 3_600_000,
  '24h': 24 * 3_600_000,
  '7d': 7 * 86_400_000,
  '30d': 30 * 86_400_000,
  '1y': 365 * 86_400_000,
}
export const trendPresetLabels: Record<TrendPreset, string> = {
  '15m': '15 min',
  '1h': '1 h',
  '8h': '8 h',
  '24h': '24 h',
  '7d': '7 days',
  '30d': '30 days',
  '1y': '1 year',
}
export const shortestTrendMs = 60_000
export const longestTrendMs = 366 * 86_400_000

/** What a trend is of: one permit's monitors, every permit of a space, or one instrument wherever it went. */
export const trendSubjectSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('permit'), permitId: permitIdSchema }),
  z.strictObject({ kind: z.literal('space'), spaceId: spaceIdSchema }),
  z.strictObject({ kind: z.literal('instrument'), instrumentId: z.number().int().positive() }),
])
export type TrendSubject = z.infer<typeof trendSubjectSchema>

/** Where the points came from: the readings themselves, or the per-minute, per-hour or per-day rollups. */
export const trendResolutions = ['raw', 'minute', 'hour', 'day'] as const
export type TrendResolution = (typeof trendResolutions)[number]

export const trendSeriesSchema = z.object({
  gas: z.enum(gases),
  instrumentId: z.number().int().positive(),
  serial: z.string(),
  permitId: permitIdSchema,
  permitNumber: z.string(),
  /**
   * The points as two columns of equal length, in time order: at most four per pixel column (the
   * column's first, lowest, highest and last, each at the time it was taken), so a one-reading
   * spike is never lost. Columns rather than [time, value] pairs: a year of sixteen series is
   * tens of thousands of points, and two flat arrays cost a third as much to check and to send.
   */
  times: epochMsColumn,
  /** The value at each time in the gas's unit; null is a gap (no reading for longer than the feed's limit): a chart breaks its line there. */
  values: nullableNumberColumn,
})
export type TrendSeries = z.infer<typeof trendSeriesSchema>

/** A line to draw across a gas's panel: an alarm level or a bound of the permit's acceptable conditions. */
export const trendBandSchema = z.object({
  gas: z.enum(gases),
  /** low or high: the limit profile's alarm; condition: the permit's acceptable entry condition. */
  level: z.enum(alarmLevels),
  /** For oxygen the low alarm and the lower condition are floors; everything else is a ceiling. */
  bound: z.enum(['floor', 'ceiling']),
  value: z.number(),
  label: z.string(),
})
export type TrendBand = z.infer<typeof trendBandSchema>

export const trendSchema = z.object({
  subject: trendSubjectSchema,
  /** What the chart shows, e.g. "Permit CSE-2026-0007 (TK-101)" or "Instrument MX4-0012". */
  title: z.string(),
  from: epochMs,
  to: epochMs,
  resolution: z.enum(trendResolutions),
  /** The width of one pixel column, ms. */
  columnMs: z.number().positive(),
  series: z.array(trendSeriesSchema),
  /** Alarm levels and acceptable conditions (the permit's, or the site profile's when there is no one permit). */
  bands: z.array(trendBandSchema),
  /** Alarms raised in the window, for markers on the time axis. */
  alarms: z.array(
    z.object({
      alarmId: z.number().int().positive(),
      at: epochMs,
      gas: z.enum(gases).nullable(),
      priority: z.string(),
      message: z.string(),
      permitNumber: z.string(),
    }),
  ),
  /** When people were inside (from the entry log), for shading; `to` null: still inside. */
  occupied: z.array(z.object({ from: epochMs, to: epochMs.nullable(), permitNumber: z.string() })),
})
export type TrendDto = z.infer<typeof trendSchema>

/** The chart's pixel columns: at most four points each per series. */
export const trendWidthSchema = z.number().int().min(50, 'must be at least 50').max(4000, 'must be at most 4000')

export const trendQueryInput = z
  .strictObject({
    subject: trendSubjectSchema,
    from: epochMs,
    to: epochMs,
    width: trendWidthSchema,
  })
  .superRefine((input, ctx) => {
    const span = input.to - input.from
    if (span < shortestTrendMs)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be at least a minute after from' })
    else if (span > longestTrendMs)
      ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be at most 366 days after from' })
  })
export type TrendQueryInput = z.infer<typeof trendQueryInput>

export const trendProcedures = {
  'trends.query': query({
    description:
      'The four gases of a permit, a space or an instrument over any window from a minute to 366 days, downsampled to at most four points per pixel column per series (each column’s first, lowest, highest and last reading), from the readings or their per-minute, per-hour or per-day rollups, with alarm levels and acceptable conditions, alarm markers and the periods people were inside.',
    input: trendQueryInput,
    output: trendSchema,
  }),
}
