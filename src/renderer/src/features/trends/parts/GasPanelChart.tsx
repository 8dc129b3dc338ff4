import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'
import { alpha, useTheme } from '@mui/material/styles'
import { memo, useMemo } from 'react'
import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, XAxis, YAxis } from 'recharts'
import type { ChartTrend, TrendPoint } from '../chart-trend'
import { gasInfo } from '../../../../../shared/domain/gases'
import { lineColour, lineDash } from '../trend-colours'
import { plotMargin, timeAxisHeight, valueAxisWidth } from '../trend-geometry'
import type { GasPanel } from '../trend-panels'
import { formatTimeTick } from '../trend-time-format'
import { AlarmMarker } from './AlarmMarker'
import { acceptableRange, bandLines } from '../band-lines'

export interface GasPanelChartProps {
  panel: GasPanel
  occupied: ChartTrend['occupied']
  from: number
  to: number
  width: number
  height: number
  /** Only the lowest panel labels the shared time axis; the others keep its grid. */
  timeLabels: boolean
}

// Stable accessors: the points stay [time, value] tuples as they came, never copied into objects.
const timeOf = (point: TrendPoint): number => point[0]
const valueOf = (point: TrendPoint): number | null => point[1]

const valueTick = new Intl.NumberFormat(undefined, { maximumFractionDigits: 2 })

/** One gas over the window: a line per instrument, its limits, alarms and the times people were inside. */
export const GasPanelChart = memo(function GasPanelChart({
  panel,
  occupied,
  from,
  to,
  width,
  height,
  timeLabels,
}: GasPanelChartProps) {
  const theme = useTheme()
  const mode = theme.palette.mode
  const { severity, text, divider } = theme.palette
  const info = gasInfo[panel.gas]
  const limits = useMemo(() => bandLines(panel.bands, severity), [panel.bands, severity])
  const acceptable = useMemo(() => acceptableRange(panel.bands, panel.domain), [panel.bands, panel.domain])
  const tickStyle = { fill: text.secondary, fontSize: 13 }
  const chartHeight = height + (timeLabels ? timeAxisHeight : 0)

  return (
    <Box component="figure" aria-label={`${info.label} (${info.symbol}), ${info.unit}`} sx={{ m: 0 }}>
      <Typography
        component="figcaption"
        variant="subtitle2"
        sx={{ pl: `${String(plotMargin.left)}px`, color: 'text.primary', lineHeight: 1.4 }}
      >
        {info.symbol}{' '}
        <Box component="span" sx={{ color: 'text.secondary', fontWeight: 400 }}>{`${info.label}, ${info.unit}`}</Box>
        {panel.lines.length === 0 ? (
          <Box component="span" sx={{ color: 'text.secondary', fontWeight: 400 }}>
            {' · no readings in this window'}
          </Box>
        ) : null}
      </Typography>
      <LineChart width={width} height={chartHeight} margin={plotMargin} accessibilityLayer={false}>
        <CartesianGrid stroke={divider} strokeDasharray="2 4" />
        <XAxis
          type="number"
          scale="time"
          dataKey={timeOf}
          domain={[from, to]}
          allowDataOverflow
          tickCount={Math.max(2, Math.floor(width / 140))}
          tickFormatter={(time: number) => formatTimeTick(time, to - from)}
          tick={timeLabels ? tickStyle : false}
          tickLine={timeLabels}
          height={timeLabels ? timeAxisHeight : 1}
          stroke={text.secondary}
        />
        <YAxis
          type="number"
          domain={panel.domain}
          allowDataOverflow
          width={valueAxisWidth}
          tickCount={4}
          tick={tickStyle}
          tickFormatter={(value: number) => valueTick.format(value)}
          stroke={text.secondary}
        />
        {acceptable ? (
          <ReferenceArea
            y1={acceptable[0]}
            y2={acceptable[1]}
            fill={severity.ok.fill}
            fillOpacity={mode === 'dark' ? 0.07 : 0.06}
            ifOverflow="hidden"
          />
        ) : null}
        {occupied.map((stay) => (
          <ReferenceArea
            key={`${stay.permitNumber}-${String(stay.from)}`}
            x1={Math.max(stay.from, from)}
            x2={Math.min(stay.to ?? to, to)}
            fill={alpha(theme.palette.secondary.main, mode === 'dark' ? 0.16 : 0.12)}
            ifOverflow="hidden"
          />
        ))}
        {limits.map((limit) => (
          <ReferenceLine
            key={limit.value}
            y={limit.value}
            stroke={limit.colour}
            strokeDasharray={limit.dash}
            strokeWidth={1.5}
            ifOverflow="hidden"
            label={{
              value: limit.label,
              position: limit.floor ? 'insideBottomRight' : 'insideTopRight',
              fill: limit.colour,
              fontSize: 13,
            }}
          />
        ))}
        {panel.lines.map((line) => (
          <Line
            key={line.key}
            name={line.label}
            data={line.points}
            dataKey={valueOf}
            type="linear"
            stroke={lineColour(mode, line.colour)}
            strokeDasharray={lineDash(mode, line.colour)}
            strokeWidth={1.5}
            dot={false}
            activeDot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
        {panel.alarms.map((alarm) => (
          <ReferenceLine
            key={alarm.alarmId}
            x={alarm.at}
            ifOverflow="hidden"
            shape={(props: AlarmShapeProps) => (
              <AlarmMarker {...props} alarm={alarm} colour={severity[priorityTone(alarm.priority)].text} />
            )}
          />
        ))}
      </LineChart>
    </Box>
  )
})

type AlarmShapeProps = { x1?: number; x2?: number; y1?: number; y2?: number }

/** Alarm priorities as the console colours them everywhere: high red, medium amber, low neutral. */
export const priorityTone = (priority: string): 'high' | 'medium' | 'low' =>
  priority === 'high' ? 'high' : priority === 'medium' ? 'medium' : 'low'
