import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import ToggleButton from '@mui/material/ToggleButton'
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup'
import Typography from '@mui/material/Typography'
import { useState } from 'react'
import type { ReactNode } from 'react'
import { trendPresetLabels, trendPresets } from '../../../../../shared/contract/trends'
import type { TrendPreset, TrendResolution } from '../../../../../shared/contract/trends'
import { formatShortTime } from '../../../format/time'
import { fixedWindow, presetWindow } from '../trend-window'
import { useTrends } from '../use-trends'
import { TrendExportButton } from '../../gas-export/parts/TrendExportButton'
import { CustomRangeForm } from './CustomRangeForm'

const resolutionWords: Record<TrendResolution, string> = {
  raw: 'every reading',
  minute: 'per-minute summaries',
  hour: 'per-hour summaries',
  day: 'per-day summaries',
}

/** The window's presets, a custom range, Reset zoom, and what is shown in words. */
export function TrendToolbar({ lead }: { lead?: ReactNode }) {
  const subject = useTrends((state) => state.subject)
  const window = useTrends((state) => state.window)
  const unzoomed = useTrends((state) => state.unzoomed)
  const resolution = useTrends((state) => state.trend?.resolution ?? null)
  const show = useTrends((state) => state.show)
  const resetZoom = useTrends((state) => state.resetZoom)
  const [custom, setCustom] = useState(false)
  if (!subject || !window) return lead ?? null

  const choose = (preset: TrendPreset | null) => {
    if (preset === null) return
    setCustom(false)
    show(subject, presetWindow(preset, Date.now()))
  }
  const selected = window.live && !unzoomed ? window.preset : null

  return (
    <Stack spacing={1} sx={{ mb: 1 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        {lead}
        <ToggleButtonGroup
          exclusive
          size="small"
          value={selected}
          onChange={(_event, value: TrendPreset | null) => choose(value)}
          aria-label="Time window"
        >
          {trendPresets.map((preset) => (
            <ToggleButton key={preset} value={preset} aria-label={`Last ${trendPresetLabels[preset]}`} sx={{ px: 1.5 }}>
              {trendPresetLabels[preset]}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
        <Button
          variant={custom ? 'contained' : 'outlined'}
          onClick={() => setCustom((open) => !open)}
          aria-expanded={custom}
        >
          Custom range
        </Button>
        {unzoomed ? (
          <Button variant="outlined" onClick={resetZoom}>
            Reset zoom
          </Button>
        ) : null}
        <TrendExportButton />
      </Stack>
      <Typography variant="body2" sx={{ color: 'text.secondary' }}>
        {`${formatShortTime(window.from)} to ${window.live ? 'now' : formatShortTime(window.to)}`}
        {resolution ? `, ${resolutionWords[resolution]}` : ''}
        {window.live ? ', following new readings' : ''}. Drag across a chart to zoom in; point at it for exact values.
      </Typography>
      {custom ? (
        <CustomRangeForm
          from={window.from}
          to={window.to}
          onShow={(from, to) => {
            setCustom(false)
            show(subject, fixedWindow(from, to))
          }}
        />
      ) : null}
    </Stack>
  )
}
