import type { GasValues } from '../../shared/domain/gases'

/** A simulated monitor's state: a slow drift around clean air, and an excursion when one is running. */
export interface Walk {
  drift: GasValues
  excursion: { gas: 'lel' | 'h2s' | 'co'; left: number; peak: number } | null
}

export const startWalk = (): Walk => ({ drift: { o2: 20.9, lel: 0, h2s: 0, co: 1 }, excursion: null })

const clamp = (value: number, min: number, max: number) => Math.min(max, Math.max(min, value))
const round = (value: number, step: number) => Number((Math.round(value / step) * step).toFixed(step < 0.1 ? 2 : 1))

/**
 * One second of a realistic monitor: sensor noise, a slow random drift, and now and then (about
 * once in ten minutes) an excursion of one toxic or combustible gas that rises past its alarm
 * levels and falls back over half a minute, so alarms, evacuation and clearing can be shown.
 */
export function stepWalk(walk: Walk, random: () => number): { walk: Walk; values: GasValues } {
  const drift: GasValues = {
    o2: clamp(walk.drift.o2 + (random() - 0.5) * 0.02, 20.4, 21.1),
    lel: clamp(walk.drift.lel + (random() - 0.5) * 0.2, 0, 3),
    h2s: clamp(walk.drift.h2s + (random() - 0.5) * 0.1, 0, 2),
    co: clamp(walk.drift.co + (random() - 0.5) * 0.4, 0, 8),
  }
  let excursion = walk.excursion
  if (excursion === null && random() < 1 / 600) {
    const gas = (['lel', 'h2s', 'co'] as const)[Math.floor(random() * 3)] ?? 'h2s'
    excursion = { gas, left: 30, peak: gas === 'lel' ? 25 : gas === 'h2s' ? 24 : 90 }
  }
  const values: GasValues = { ...drift }
  if (excursion) {
    // A triangle: up for half the time, down for the rest.
    const phase = 1 - Math.abs(excursion.left - 15) / 15
    values[excursion.gas] += excursion.peak * phase
    excursion = excursion.left > 1 ? { ...excursion, left: excursion.left - 1 } : null
  }
  const noisy: GasValues = {
    o2: round(clamp(values.o2 + (random() - 0.5) * 0.1, 0, 30), 0.01),
    lel: round(clamp(values.lel + (random() - 0.5) * 0.4, 0, 100), 0.1),
    h2s: round(clamp(values.h2s + (random() - 0.5) * 0.2, 0, 500), 0.1),
    co: round(clamp(values.co + (random() - 0.5) * 0.6, 0, 2000), 0.1),
  }
  return { walk: { drift, excursion }, values: noisy }
}
