import { describe, expect, it } from 'vitest'
import { createGatehouseTheme } from '../../src/renderer/src/theme/create-theme'
import type { SeverityPalette } from '../../src/renderer/src/theme/severity-palette'
import type { ThemeMode } from '../../src/renderer/src/theme/theme-store'

// WCAG 2.1 relative luminance and contrast ratio, for #rrggbb colours.
const luminance = (hex: string): number => {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((at) => {
    const channel = parseInt(hex.slice(at, at + 2), 16) / 255
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
  })
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

const contrast = (a: string, b: string): number => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

const aa = 4.5
const levels: (keyof SeverityPalette)[] = ['high', 'medium', 'low', 'ok']

describe.each<ThemeMode>(['dark', 'light'])('severity colours in the %s theme', (mode) => {
  const { palette } = createGatehouseTheme(mode)

  it.each(levels)('reads %s text on its fill at WCAG AA', (level) => {
    const tone = palette.severity[level]
    expect(contrast(tone.onFill, tone.fill)).toBeGreaterThanOrEqual(aa)
  })

  it.each(levels)('reads %s text on the page and on paper at WCAG AA', (level) => {
    const { text } = palette.severity[level]
    expect(contrast(text, palette.background.default)).toBeGreaterThanOrEqual(aa)
    expect(contrast(text, palette.background.paper)).toBeGreaterThanOrEqual(aa)
  })
})
