import type { TrendBand } from '../../../../shared/contract/trends'
import type { SeverityPalette } from '../../theme/severity-palette'

/** One limit drawn across a panel; limits at the same value share a line and a label. */
export interface BandLine {
  value: number
  label: string
  colour: string
  dash: string
  /** A floor (oxygen's low side): its label goes under the line, into the safe side. */
  floor: boolean
}

const worstFirst: TrendBand['level'][] = ['high', 'low', 'condition']

/**
 * The alarm levels and the permit's conditions as lines: the high alarm red, the low amber, the
 * permit's own limit green; where two share a value (the permit allowing what the low alarm
 * allows) one line is drawn in the worse colour with both names.
 */
export function bandLines(bands: readonly TrendBand[], severity: SeverityPalette): BandLine[] {
  const byValue = new Map<number, TrendBand[]>()
  for (const band of bands) byValue.set(band.value, [...(byValue.get(band.value) ?? []), band])
  return [...byValue.entries()]
    .sort(([a], [b]) => a - b)
    .map(([value, same]) => {
      const ordered = [...same].sort((a, b) => worstFirst.indexOf(a.level) - worstFirst.indexOf(b.level))
      const worst = ordered[0]?.level ?? 'condition'
      return {
        value,
        label: ordered.map((band) => band.label).join(' · '),
        colour: worst === 'high' ? severity.high.text : worst === 'low' ? severity.medium.text : severity.ok.text,
        dash: worst === 'condition' ? '2 3' : '7 4',
        floor: ordered.every((band) => band.bound === 'floor'),
      }
    })
}

/** The permit's acceptable range on the value axis, for a faint band: between its floor and ceiling. */
export function acceptableRange(bands: readonly TrendBand[], domain: [number, number]): [number, number] | null {
  const conditions = bands.filter((band) => band.level === 'condition')
  if (conditions.length === 0) return null
  const floor = conditions.find((band) => band.bound === 'floor')?.value ?? domain[0]
  const ceiling = conditions.find((band) => band.bound === 'ceiling')?.value ?? domain[1]
  return floor < ceiling ? [floor, ceiling] : null
}
