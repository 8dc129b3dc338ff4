import Box from '@mui/material/Box'
import Paper from '@mui/material/Paper'
import Typography from '@mui/material/Typography'
import { alpha, useTheme } from '@mui/material/styles'
import { useRef, useState } from 'react'
import type { PointerEvent } from 'react'
import type { ChartTrend } from '../chart-trend'
import { gasInfo } from '../../../../../shared/domain/gases'
import { formatShortTime, formatTime } from '../../../format/time'
import { lineColour } from '../trend-colours'
import { plotLeft, timeAtX } from '../trend-geometry'
import type { GasPanel } from '../trend-panels'
import { valuesNear } from '../trend-panels'
import { priorityTone } from './GasPanelChart'

export interface PointerLayerProps {
  panels: GasPanel[]
  trend: ChartTrend
  plotWidth: number
  onZoom(from: number, to: number): void
}

/** How long one point of each resolution summarizes. */
const periodMs: Record<ChartTrend['resolution'], number> = { raw: 0, minute: 60_000, hour: 3_600_000, day: 86_400_000 }

/** A drag shorter than this is a click, not a selection. */
const leastDragPx = 6
const readoutWidth = 380

/**
 * Over the four panels: a cursor across all of them with a readout of every gas at that time
 * (exact values, unit and instrument, the alarms raised there, whether people were inside), and
 * drag-to-zoom. Only this layer follows the pointer; the panels are not drawn again.
 */
export function PointerLayer({ panels, trend, plotWidth, onZoom }: PointerLayerProps) {
  const theme = useTheme()
  const layer = useRef<HTMLDivElement>(null)
  const [pointerX, setPointerX] = useState<number | null>(null)
  const [dragFrom, setDragFrom] = useState<number | null>(null)
  const { from, to, columnMs } = trend

  const xOf = (event: PointerEvent) => event.clientX - (layer.current?.getBoundingClientRect().left ?? 0)
  const inPlot = (x: number) => x >= plotLeft && x <= plotLeft + plotWidth
  const onPointerDown = (event: PointerEvent) => {
    const x = xOf(event)
    if (event.button !== 0 || !inPlot(x)) return
    layer.current?.setPointerCapture?.(event.pointerId)
    setDragFrom(x)
  }
  const onPointerUp = (event: PointerEvent) => {
    if (dragFrom === null) return
    const x = xOf(event)
    setDragFrom(null)
    if (Math.abs(x - dragFrom) >= leastDragPx)
      onZoom(timeAtX(dragFrom, from, to, plotWidth), timeAtX(x, from, to, plotWidth))
  }

  const time = pointerX === null ? null : timeAtX(pointerX, from, to, plotWidth)
  // A pixel column either side, and at least half the summaries' period (an hour's summary puts
  // its first, lowest, highest and last anywhere in the hour): the readout shows what is there.
  const reach = Math.max(columnMs, ((to - from) / Math.max(1, plotWidth)) * 2, periodMs[trend.resolution] / 2)
  const clampX = (x: number) => Math.min(plotLeft + plotWidth, Math.max(plotLeft, x))

  return (
    <Box
      ref={layer}
      data-testid="trend-pointer-layer"
      onPointerMove={(event) => {
        const x = xOf(event)
        setPointerX(inPlot(x) || dragFrom !== null ? clampX(x) : null)
      }}
      onPointerLeave={() => {
        if (dragFrom === null) setPointerX(null)
      }}
      onPointerDown={onPointerDown}
      onPointerUp={onPointerUp}
      onPointerCancel={() => setDragFrom(null)}
      sx={{ position: 'absolute', inset: 0, cursor: 'crosshair', touchAction: 'none', userSelect: 'none' }}
    >
      {dragFrom !== null && pointerX !== null ? (
        <Box
          aria-hidden
          sx={{
            position: 'absolute',
            top: 0,
            bottom: 0,
            left: Math.min(dragFrom, pointerX),
            width: Math.abs(pointerX - dragFrom),
            bgcolor: alpha(theme.palette.primary.main, 0.18),
            borderInline: `1px solid ${theme.palette.primary.main}`,
          }}
        />
      ) : null}
      {pointerX !== null && time !== null ? (
        <>
          <Box
            aria-hidden
            sx={{ position: 'absolute', top: 0, bottom: 0, left: pointerX, width: '1px', bgcolor: 'text.secondary' }}
          />
          {dragFrom === null ? (
            <Readout
              panels={panels}
              trend={trend}
              time={time}
              reach={reach}
              left={pointerX + 16 + readoutWidth > plotLeft + plotWidth ? pointerX - 16 - readoutWidth : pointerX + 16}
            />
          ) : null}
        </>
      ) : null}
    </Box>
  )
}

const valueText = (low: number, high: number, unit: string) =>
  low === high ? `${String(low)} ${unit}` : `${String(low)} to ${String(high)} ${unit}`

function Readout({
  panels,
  trend,
  time,
  reach,
  left,
}: {
  panels: GasPanel[]
  trend: ChartTrend
  time: number
  reach: number
  left: number
}) {
  const theme = useTheme()
  const mode = theme.palette.mode
  const inside = trend.occupied.filter((stay) => stay.from <= time && (stay.to ?? trend.to) >= time)
  // An alarm counts as under the pointer within a few pixels of it.
  const alarmReach = reach * 3
  const seen = new Set<number>()
  const alarms = panels
    .flatMap((panel) => panel.alarms)
    .filter((alarm) => Math.abs(alarm.at - time) <= alarmReach && !seen.has(alarm.alarmId) && seen.add(alarm.alarmId))
  return (
    <Paper
      role="status"
      aria-label="Values at the pointer"
      variant="outlined"
      sx={{ position: 'absolute', top: 8, left, width: readoutWidth, p: 1.5, pointerEvents: 'none', zIndex: 1 }}
    >
      <Typography variant="subtitle2">
        {/* A column of a long window spans minutes or hours: the readout says which. */}
        {reach < 60_000 ? formatTime(time) : `${formatShortTime(time - reach)} to ${formatShortTime(time + reach)}`}
      </Typography>
      {panels.map((panel) => {
        const { symbol, unit } = gasInfo[panel.gas]
        return panel.lines.map((line) => {
          const near = valuesNear(line.points, time, reach)
          return (
            <Typography key={line.key} variant="body2" sx={{ display: 'flex', gap: 1, alignItems: 'center' }}>
              <Box
                component="span"
                aria-hidden
                sx={{ width: 12, height: 3, flex: 'none', bgcolor: lineColour(mode, line.colour) }}
              />
              <Box component="span" sx={{ width: 40, fontWeight: 600 }}>
                {symbol}
              </Box>
              <Box component="span" sx={{ flex: 1 }}>
                {near === null ? '–' : near === 'gap' ? 'no data' : valueText(near.low, near.high, unit)}
              </Box>
              <Box component="span" sx={{ color: 'text.secondary' }}>
                {line.label}
              </Box>
            </Typography>
          )
        })
      })}
      {inside.length > 0 ? (
        <Typography variant="body2" sx={{ mt: 0.5 }}>
          People inside ({inside.map((stay) => stay.permitNumber).join(', ')})
        </Typography>
      ) : null}
      {alarms.map((alarm) => (
        <Typography
          key={alarm.alarmId}
          variant="body2"
          sx={{ mt: 0.5, color: theme.palette.severity[priorityTone(alarm.priority)].text, fontWeight: 600 }}
        >
          {`${formatTime(alarm.at)}: ${alarm.message}`}
        </Typography>
      ))}
    </Paper>
  )
}
