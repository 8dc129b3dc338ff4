import type { ThemeMode } from './theme-store'

/** How one level of severity is drawn: filled (a badge, a banner row) or as text on the page. */
export interface SeverityTone {
  fill: string
  /** Text on `fill`. */
  onFill: string
  /** Text and borders on the page's own surfaces (paper and background). */
  text: string
}

/** High red, medium amber, low neutral; ok for a gas value inside its limits. */
export interface SeverityPalette {
  high: SeverityTone
  medium: SeverityTone
  low: SeverityTone
  ok: SeverityTone
}

declare module '@mui/material/styles' {
  interface Palette {
    severity: SeverityPalette
  }
  interface PaletteOptions {
    severity?: SeverityPalette
  }
}

// Chosen against WCAG AA (4.5:1 for text) on both the fill and the page surfaces of each theme;
// test/renderer/severity-contrast.test.ts holds them to it. MUI's stock amber on white is 3.1:1,
// too faint for an alarm, so amber is drawn with dark text, and as brown when it is text itself.
export const severityPalettes: Record<ThemeMode, SeverityPalette> = {
  dark: {
    high: { fill: '#ff6b6b', onFill: '#111111', text: '#ff6b6b' },
    medium: { fill: '#ffb347', onFill: '#111111', text: '#ffb347' },
    low: { fill: '#3a4654', onFill: '#f3f6f9', text: '#c2ccd6' },
    ok: { fill: '#5fd068', onFill: '#111111', text: '#5fd068' },
  },
  light: {
    high: { fill: '#b71c1c', onFill: '#ffffff', text: '#b71c1c' },
    medium: { fill: '#ffb300', onFill: '#111111', text: '#8a4b00' },
    low: { fill: '#e0e4e8', onFill: '#0b1520', text: '#35424f' },
    ok: { fill: '#1b5e20', onFill: '#ffffff', text: '#1b5e20' },
  },
}
