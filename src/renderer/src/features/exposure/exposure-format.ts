import type { ExposureExceedanceDto, GasExposureDto } from '../../../../shared/contract/exposure'
import { gasInfo } from '../../../../shared/domain/gases'

/** ppm to 0.001 as computed, trailing zeros dropped: 0.052 ppm, 18 ppm. */
export const formatPpm = (value: number): string => `${String(Number(value.toFixed(3)))} ppm`

/** Minutes inside: "4 h 10 min", "1.7 min" (partial minutes at entry and exit count in fractions). */
export function formatMinutes(minutes: number): string {
  if (minutes < 60) return `${String(Number(minutes.toFixed(1)))} min`
  const hours = Math.floor(minutes / 60)
  const rest = Number((minutes - hours * 60).toFixed(1))
  return rest === 0 ? `${String(hours)} h` : `${String(hours)} h ${String(rest)} min`
}

export const measureLabel = { twa: '8 h TWA', stel: '15 min STEL' } as const

/** "H2S 15 min STEL 16 ppm, above the limit of 15 ppm". */
export const describeExceeded = (figure: ExposureExceedanceDto['exceeded'][number]): string =>
  `${gasInfo[figure.gas].symbol} ${measureLabel[figure.measure]} ${formatPpm(figure.value)}, above the limit of ${formatPpm(figure.limit)}`

/** How a figure stands against its limit, in words (a colour alone says nothing to some). */
export function verdict(gas: GasExposureDto, measure: 'twa' | 'stel'): { exceeded: boolean; text: string } {
  const limit = gas.limits[measure]
  if (limit === null) return { exceeded: false, text: 'No limit in the profile' }
  const exceeded = measure === 'twa' ? gas.twaExceeded : gas.stelExceeded
  return exceeded
    ? { exceeded, text: `Above the limit of ${formatPpm(limit)}` }
    : { exceeded, text: `Within the limit of ${formatPpm(limit)}` }
}
