import { memo, useId, useMemo } from 'react'
import { DefaultZIndexes, usePlotArea, useXAxisScale, useYAxisScale, ZIndexLayer } from 'recharts'
import type { TrendPoint } from '../chart-trend'
import { lineColour, lineDash } from '../trend-colours'
import type { PanelLine } from '../trend-panels'
import type { ThemeMode } from '../../../theme/theme-store'

type Scale = (value: number) => number | undefined

/**
 * The path through a line's points, lifted at each gap (a null value): "M x y L x y ... M ...".
 * One string per line, built in one pass: a month of sixteen series is tens of thousands of
 * points, which recharts' own Line would copy into an object each before drawing.
 */
export function linePath(points: readonly TrendPoint[], x: Scale, y: Scale): string {
  const parts: string[] = []
  let penDown = false
  for (const [time, value] of points) {
    const px = value === null ? undefined : x(time)
    const py = value === null ? undefined : y(value)
    if (px === undefined || py === undefined) {
      penDown = false
      continue
    }
    parts.push(`${penDown ? 'L' : 'M'}${px.toFixed(1)},${py.toFixed(1)}`)
    penDown = true
  }
  return parts.join('')
}

/**
 * A panel's lines, drawn inside the chart with the chart's own scales (so they sit exactly on its
 * axes, limits and markers) at the lines' layer, clipped to the plot. Readings with a gap either
 * side get a dot: no line reaches them.
 */
export const TrendLines = memo(function TrendLines({ lines, mode }: { lines: PanelLine[]; mode: ThemeMode }) {
  const x = useXAxisScale()
  const y = useYAxisScale()
  const plot = usePlotArea()
  const clipId = useId()
  const drawn = useMemo(
    () =>
      x && y
        ? lines.map((line) => ({
            line,
            d: linePath(line.points, x, y),
            dots: line.isolated
              ? [...line.isolated].flatMap((index) => {
                  const [time, value] = line.points[index] ?? [0, null]
                  const cx = value === null ? undefined : x(time)
                  const cy = value === null ? undefined : y(value)
                  return cx === undefined || cy === undefined ? [] : [{ cx, cy }]
                })
              : [],
          }))
        : [],
    [lines, x, y],
  )
  if (!plot) return null
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.line}>
      <defs>
        <clipPath id={clipId}>
          <rect x={plot.x} y={plot.y} width={plot.width} height={plot.height} />
        </clipPath>
      </defs>
      <g clipPath={`url(#${clipId})`}>
        {drawn.map(({ line, d, dots }) => {
          const colour = lineColour(mode, line.colour)
          return (
            <g key={line.key} className="trend-line" data-label={line.label}>
              <path d={d} fill="none" stroke={colour} strokeWidth={1.5} strokeDasharray={lineDash(mode, line.colour)} />
              {dots.map(({ cx, cy }) => (
                <circle
                  key={`${String(cx)},${String(cy)}`}
                  className="trend-lone-reading"
                  cx={cx}
                  cy={cy}
                  r={2.5}
                  fill={colour}
                />
              ))}
            </g>
          )
        })}
      </g>
    </ZIndexLayer>
  )
})
