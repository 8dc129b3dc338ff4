import type { ThemeMode } from '../../theme/theme-store'

/**
 * One colour per instrument, the same in every panel: blues, purples and neutrals, so no line
 * reads as an alarm (red, amber) or a limit (green). Each keeps at least 3:1 against its theme's
 * paper (WCAG 1.4.11, graphics); past the last, colours repeat with a dashed line.
 */
export const lineColours: Record<ThemeMode, readonly string[]> = {
  dark: ['#5cc8ff', '#d7a8ff', '#f3f6f9', '#8fa8ff', '#ff9ce6', '#9be7ff'],
  light: ['#0a5fa3', '#6a1b9a', '#37474f', '#283593', '#ad1457', '#00606e'],
}

export const lineColour = (mode: ThemeMode, position: number): string => {
  const colours = lineColours[mode]
  return colours[position % colours.length] ?? colours[0] ?? '#888888'
}

/** Beyond the first round of colours a line is dashed, so two instruments never look alike. */
export const lineDash = (mode: ThemeMode, position: number): string | undefined =>
  position >= lineColours[mode].length ? '6 3' : undefined
