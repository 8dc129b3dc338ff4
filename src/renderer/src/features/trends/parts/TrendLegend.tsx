import Box from '@mui/material/Box'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { alpha, useTheme } from '@mui/material/styles'
import type { ReactNode } from 'react'
import { lineColour } from '../trend-colours'
import type { GasPanel } from '../trend-panels'

function Entry({ swatch, children }: { swatch: ReactNode; children: ReactNode }) {
  return (
    <Stack component="li" direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      {swatch}
      <Typography variant="body2">{children}</Typography>
    </Stack>
  )
}

const stroke = (colour: string, dashed = false) => (
  <Box
    component="span"
    aria-hidden
    sx={{ width: 24, height: 0, borderTop: `3px ${dashed ? 'dashed' : 'solid'} ${colour}`, flex: 'none' }}
  />
)

/** Which line is which instrument, and what the dashed lines, shading and markers mean. */
export function TrendLegend({ panels, occupied }: { panels: GasPanel[]; occupied: boolean }) {
  const theme = useTheme()
  const { severity } = theme.palette
  const instruments = new Map<number, { label: string; colour: number }>()
  for (const panel of panels)
    for (const line of panel.lines)
      if (!instruments.has(line.colour)) instruments.set(line.colour, { label: line.label, colour: line.colour })
  // Only what the chart shows: a key to marks that are not there would be read as news.
  const levels = new Set(panels.flatMap((panel) => panel.bands.map((band) => band.level)))
  const alarms = panels.some((panel) => panel.alarms.length > 0)
  return (
    <Stack
      component="ul"
      aria-label="Legend"
      direction="row"
      sx={{ listStyle: 'none', p: 0, m: 0, mt: 1, flexWrap: 'wrap', columnGap: 3, rowGap: 1 }}
    >
      {[...instruments.values()].map((instrument) => (
        <Entry key={instrument.colour} swatch={stroke(lineColour(theme.palette.mode, instrument.colour))}>
          {instrument.label}
        </Entry>
      ))}
      {levels.has('high') ? <Entry swatch={stroke(severity.high.text, true)}>High alarm</Entry> : null}
      {levels.has('low') ? <Entry swatch={stroke(severity.medium.text, true)}>Low alarm</Entry> : null}
      {levels.has('condition') ? (
        <Entry swatch={stroke(severity.ok.text, true)}>Permit’s acceptable conditions</Entry>
      ) : null}
      {occupied ? (
        <Entry
          swatch={
            <Box
              component="span"
              aria-hidden
              sx={{
                width: 24,
                height: 14,
                flex: 'none',
                bgcolor: alpha(theme.palette.secondary.main, theme.palette.mode === 'dark' ? 0.16 : 0.12),
              }}
            />
          }
        >
          People inside
        </Entry>
      ) : null}
      {alarms ? (
        <Entry
          swatch={
            <Box
              component="span"
              aria-hidden
              sx={{
                width: 0,
                height: 0,
                flex: 'none',
                mx: '6px',
                borderInline: '6px solid transparent',
                borderBottom: `9px solid ${theme.palette.text.secondary}`,
              }}
            />
          }
        >
          Alarm raised (red high, amber medium, grey low)
        </Entry>
      ) : null}
    </Stack>
  )
}
