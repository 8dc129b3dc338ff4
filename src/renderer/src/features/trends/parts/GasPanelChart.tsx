import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'
import { alpha, useTheme } from '@mui/material/styles'
import { memo, useMemo } from 'react'
import { CartesianGrid, Line, LineChart, ReferenceArea, ReferenceLine, XAxis, YAxis } from 'recharts'
import type { ChartTrend, TrendPoint } from '../chart-trend'
import { gasInfo } from '../../../../../shared/domain/gases'
import { lineColour, lineDash } from '../trend-colours'
import { plotLeft, plotMargin, timeAxisHeight, valueAxisWidth } from '../trend-geometry'
import { valueAxis } from '../trend-panels'
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
  /** The time axis's ticks, the same for every panel. */
  ticks: number[]
}

// Stable accessors: the points stay [time, value] tuples as they came, never copied into objects.
const timeOf = (point: TrendPoint): number => point[0]
const valueOf = (point: TrendPoint): number | null => point[1]

/** Limits and alarm markers lie under the lines (recharts draws lines at 400), so no reading is hidden. */
const underLines = 350

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
  ticks,
}: GasPanelChartProps) {
  const theme = useTheme()
  const mode = theme.palette.mode
  const { severity, text, divider } = theme.palette
  const info = gasInfo[panel.gas]
  const limits = useMemo(() => bandLines(panel.bands, severity), [panel.bands, severity])
  const acceptable = useMemo(() => acceptableRange(panel.bands, [info.min, info.max]), [panel.bands, info])
  const tickStyle = { fill: text.secondary, fontSize: 13 }
  const chartHeight = height + (timeLabels ? timeAxisHeight : 0)

  const axis = useMemo(
    () => valueAxis(panel.gas, panel.extent, Math.max(2, Math.min(6, Math.floor(height / 24)))),
    [panel.gas, panel.extent, height],
  )

  return (
    <Box
      component="figure"
      aria-label={`${info.label} (${info.symbol}), ${info.unit}`}
      sx={{ m: 0, position: 'relative' }}
    >
      {panel.lines.length === 0 ? (
        <Typography
          variant="body2"
          sx={{
            position: 'absolute',
            top: height / 2 - 10,
            left: plotLeft,
            right: plotMargin.right,
            textAlign: 'center',
            color: 'text.secondary',
          }}
        >
          {`No ${info.symbol} readings in this window`}
        </Typography>
      ) : null}
      <LineChart width={width} height={chartHeight} margin={plotMargin} accessibilityLayer={false}>
        <CartesianGrid stroke={divider} strokeDasharray="2 4" />
        <XAxis
          type="number"
          dataKey={timeOf}
          domain={[from, to]}
          allowDataOverflow
          ticks={ticks}
          interval={0}
          tickFormatter={(time: number) => formatTimeTick(time, to - from)}
          tick={timeLabels ? tickStyle : false}
          tickLine={timeLabels}
          height={timeLabels ? timeAxisHeight : 1}
          stroke={text.secondary}
        />
        <YAxis
          type="number"
          domain={axis.domain}
          ticks={axis.ticks}
          interval={0}
          allowDataOverflow
          width={valueAxisWidth}
          label={{
            value: `${info.symbol} ${info.unit}`,
            angle: -90,
            position: 'insideLeft',
            style: { textAnchor: 'middle', fill: text.primary, fontSize: 14, fontWeight: 600 },
          }}
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
            zIndex={underLines}
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
            dot={line.isolated ? isolatedDot(line.isolated, lineColour(mode, line.colour)) : false}
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
            zIndex={underLines}
            shape={(props: AlarmShapeProps) => (
              <AlarmMarker {...props} alarm={alarm} colour={severity[priorityTone(alarm.priority)].text} />
            )}
          />
        ))}
      </LineChart>
    </Box>
  )
})

/** A dot for a reading no line reaches (a gap either side), nothing for the others. */
const isolatedDot =
  (isolated: ReadonlySet<number>, colour: string) =>
  ({ index, cx, cy }: { index?: number; cx?: number; cy?: number }) =>
    index !== undefined && isolated.has(index) && cx !== undefined && cy !== undefined ? (
      <circle key={index} className="trend-lone-reading" cx={cx} cy={cy} r={2.5} fill={colour} />
    ) : null

type AlarmShapeProps = { x1?: number; x2?: number; y1?: number; y2?: number }

/** Alarm priorities as the console colours them everywhere: high red, medium amber, low neutral. */
export const priorityTone = (priority: string): 'high' | 'medium' | 'low' =>
  priority === 'high' ? 'high' : priority === 'medium' ? 'medium' : 'low'
