import type { TrendBand } from '../contract/trends'
import { alarmLevelLabels } from './alarm-levels'
import { formatGasValue, gases } from './gases'
import type { AcceptableConditions, LimitProfile } from './limit-profiles'

/**
 * The lines a trend draws across each gas's panel: the profile's two alarm levels and, for one
 * permit, its acceptable conditions (a level that sits on another is drawn once, as the worse).
 * Oxygen's low alarm and lower condition are floors; everything else is a ceiling.
 */
export function trendBands(profile: LimitProfile, conditions: AcceptableConditions | null): TrendBand[] {
  const bands: TrendBand[] = []
  const add = (band: Omit<TrendBand, 'label'>) => {
    if (bands.some((b) => b.gas === band.gas && b.bound === band.bound && b.value === band.value)) return
    bands.push({ ...band, label: `${alarmLevelLabels[band.level]} ${formatGasValue(band.gas, band.value)}` })
  }
  for (const gas of gases) {
    const { lowAlarm, highAlarm } = profile.gases[gas]
    if (gas === 'o2') {
      add({ gas, level: 'high', bound: 'ceiling', value: highAlarm })
      add({ gas, level: 'low', bound: 'floor', value: lowAlarm })
      if (conditions) {
        add({ gas, level: 'condition', bound: 'ceiling', value: conditions.o2Max })
        add({ gas, level: 'condition', bound: 'floor', value: conditions.o2Min })
      }
      continue
    }
    add({ gas, level: 'high', bound: 'ceiling', value: highAlarm })
    add({ gas, level: 'low', bound: 'ceiling', value: lowAlarm })
    if (conditions)
      add({
        gas,
        level: 'condition',
        bound: 'ceiling',
        value: gas === 'lel' ? conditions.lelMax : gas === 'h2s' ? conditions.h2sMax : conditions.coMax,
      })
  }
  return bands
}
