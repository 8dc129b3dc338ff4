import { describe, expect, it } from 'vitest'
import { gases, gasInfo, gasValuesSchema } from '../../src/shared/domain/gases'

const fresh = { o2: 20.9, lel: 0, h2s: 0, co: 0 }

function messagesFor(input: unknown): Record<string, string[]> {
  const result = gasValuesSchema.safeParse(input)
  if (result.success) return {}
  const byField: Record<string, string[]> = {}
  for (const issue of result.error.issues) {
    const field = issue.path.join('.')
    byField[field] = [...(byField[field] ?? []), issue.message]
  }
  return byField
}

describe('the gases', () => {
  it('are tested oxygen first, then combustibles, then toxics', () => {
    expect(gases).toEqual(['o2', 'lel', 'h2s', 'co'])
  })

  it('carry the units and instrument ranges of a field monitor', () => {
    expect(gases.map((gas) => [gasInfo[gas].unit, gasInfo[gas].min, gasInfo[gas].max])).toEqual([
      ['% vol', 0, 30],
      ['% LEL', 0, 100],
      ['ppm', 0, 500],
      ['ppm', 0, 2000],
    ])
  })
})

describe('a set of gas values', () => {
  it('is accepted when all four are inside their instrument ranges, edges included', () => {
    expect(gasValuesSchema.safeParse(fresh).success).toBe(true)
    expect(gasValuesSchema.safeParse({ o2: 30, lel: 100, h2s: 500, co: 2000 }).success).toBe(true)
  })

  it('is refused when a value is NaN or infinite, naming the range', () => {
    expect(messagesFor({ ...fresh, o2: Number.NaN }).o2).toEqual(['must be between 0 and 30 % vol, as a number'])
    expect(messagesFor({ ...fresh, co: Number.POSITIVE_INFINITY }).co).toEqual([
      'must be between 0 and 2000 ppm, as a number',
    ])
  })

  it('is refused when a value is negative', () => {
    expect(messagesFor({ ...fresh, h2s: -0.1 }).h2s).toEqual(['must be between 0 and 500 ppm'])
  })

  it('is refused when a value is above the instrument range', () => {
    expect(messagesFor({ ...fresh, o2: 30.1 }).o2).toEqual(['must be between 0 and 30 % vol'])
    expect(messagesFor({ ...fresh, lel: 101 }).lel).toEqual(['must be between 0 and 100 % LEL'])
  })

  it('is refused when a value is text, even text that looks like a number', () => {
    expect(messagesFor({ ...fresh, lel: '5' }).lel).toEqual(['must be between 0 and 100 % LEL, as a number'])
  })

  it('is refused when a gas is missing, so a partial test is never taken for a complete one', () => {
    expect(messagesFor({ o2: 20.9, lel: 0, h2s: 0 }).co).toEqual(['is required'])
  })

  it('is refused when it carries an unknown gas', () => {
    expect(gasValuesSchema.safeParse({ ...fresh, nh3: 1 }).success).toBe(false)
  })
})
