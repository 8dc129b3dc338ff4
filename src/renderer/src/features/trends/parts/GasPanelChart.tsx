import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'
import { alpha, useTheme } from '@mui/material/styles'
import { memo, useMemo } from 'react'
import { CartesianGrid, LineChart, ReferenceArea, ReferenceLine, XAxis, YAxis } from 'recharts'
import type { ChartTrend } from '../chart-trend'
import { gasInfo } from '../../../../../shared/domain/gases'
import { plotLeft, plotMargin, timeAxisHeight, valueAxisWidth } from '../trend-geometry'
import { valueAxis } from '../trend-panels'
import type { GasPanel } from '../trend-panels'
import { formatTimeTick } from '../trend-time-format'
import { AlarmMarker } from './AlarmMarker'
import { TrendLines } from './TrendLines'
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

  // The lines draw themselves (TrendLines); the chart's own data is just the window's two ends,
  // which recharts needs to build its time scale.
  const windowEnds = useMemo(() => [{ at: from }, { at: to }], [from, to])
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
      <LineChart width={width} height={chartHeight} margin={plotMargin} data={windowEnds} accessibilityLayer={false}>
        <CartesianGrid stroke={divider} strokeDasharray="2 4" />
        <XAxis
          type="number"
          dataKey="at"
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
        <TrendLines lines={panel.lines} mode={mode} />
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

type AlarmShapeProps = { x1?: number; x2?: number; y1?: number; y2?: number }

/** Alarm priorities as the console colours them everywhere: high red, medium amber, low neutral. */
export const priorityTone = (priority: string): 'high' | 'medium' | 'low' =>
  priority === 'high' ? 'high' : priority === 'medium' ? 'medium' : 'low'
