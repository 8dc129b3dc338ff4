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

const statusColours = ['primary', 'secondary', 'error', 'warning', 'success', 'info'] as const

describe.each<ThemeMode>(['dark', 'light'])('every colour pairing the console draws in the %s theme', (mode) => {
  const theme = createGatehouseTheme(mode)
  const { palette } = theme
  const surfaces = { page: palette.background.default, paper: palette.background.paper }

  it.each(['primary', 'secondary'] as const)('reads %s text on the page and on paper at WCAG AA', (kind) => {
    for (const surface of Object.values(surfaces))
      expect(contrast(palette.text[kind], surface)).toBeGreaterThanOrEqual(aa)
  })

  // Chips, contained buttons and filled alerts put contrastText on main; links, outlined buttons,
  // time left, pass/fail words and warnings put main on the page.
  it.each(statusColours)('reads text on a %s fill, and %s as text on the page and on paper, at WCAG AA', (kind) => {
    const { main, contrastText } = palette[kind]
    expect(contrast(contrastText, main)).toBeGreaterThanOrEqual(aa)
    for (const surface of Object.values(surfaces)) expect(contrast(main, surface)).toBeGreaterThanOrEqual(aa)
  })

  it('fills every filled alert with a pair at WCAG AA', () => {
    const variants = theme.components?.MuiAlert?.variants ?? []
    expect(variants.length).toBe(4)
    for (const variant of variants) {
      const style = variant.style as { backgroundColor: string; color: string }
      expect(contrast(style.color, style.backgroundColor)).toBeGreaterThanOrEqual(aa)
    }
  })

  it('draws the focus ring at 3:1 against the page and paper (WCAG 1.4.11)', () => {
    for (const surface of Object.values(surfaces))
      expect(contrast(palette.secondary.main, surface)).toBeGreaterThanOrEqual(3)
  })
})
