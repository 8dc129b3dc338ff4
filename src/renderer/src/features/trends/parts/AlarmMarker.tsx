import type { TrendAlarm } from '../trend-panels'
import { formatTime } from '../../../format/time'

export interface AlarmMarkerProps {
  x1?: number
  x2?: number
  y1?: number
  y2?: number
  alarm: TrendAlarm
  colour: string
}

/**
 * An alarm on the time axis: a line through the panel at the moment it was raised and a flag at
 * its foot, in its priority's colour; its message is the marker's title (and in the readout).
 */
export function AlarmMarker({ x1, y1, y2, alarm, colour }: AlarmMarkerProps) {
  if (x1 === undefined || y1 === undefined || y2 === undefined || !Number.isFinite(x1)) return null
  const bottom = Math.max(y1, y2)
  const top = Math.min(y1, y2)
  return (
    <g className="trend-alarm-marker">
      <title>{`${alarm.message} (${alarm.permitNumber}, ${formatTime(alarm.at)})`}</title>
      <line x1={x1} x2={x1} y1={top} y2={bottom} stroke={colour} strokeWidth={2} strokeOpacity={0.85} />
      <path
        d={`M ${String(x1 - 6)} ${String(bottom)} L ${String(x1 + 6)} ${String(bottom)} L ${String(x1)} ${String(bottom - 9)} Z`}
        fill={colour}
      />
      {/* A wider, invisible stroke, so the title shows without hitting one pixel. */}
      <line x1={x1} x2={x1} y1={top} y2={bottom} stroke="transparent" strokeWidth={10} />
    </g>
  )
}
