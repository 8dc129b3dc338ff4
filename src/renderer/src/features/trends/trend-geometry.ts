/**
 * Every panel has the same margins and value-axis width, so their time axes line up to the pixel
 * and a pointer's x names one time in all four (the hover readout and drag-to-zoom rely on it).
 */
export const plotMargin = { top: 10, right: 24, bottom: 4, left: 8 } as const
export const valueAxisWidth = 72
export const timeAxisHeight = 30
export const plotLeft = plotMargin.left + valueAxisWidth

/** The plot's width inside a panel of this width: one pixel column per group of points. */
export const plotWidthOf = (panelWidth: number): number => Math.max(0, panelWidth - plotLeft - plotMargin.right)

/** The time at a pointer's x (relative to the panel), clamped to the window. */
export function timeAtX(x: number, from: number, to: number, plotWidth: number): number {
  const share = Math.min(1, Math.max(0, (x - plotLeft) / Math.max(1, plotWidth)))
  return from + share * (to - from)
}

export const xOfTime = (time: number, from: number, to: number, plotWidth: number): number =>
  plotLeft + ((time - from) / Math.max(1, to - from)) * plotWidth
