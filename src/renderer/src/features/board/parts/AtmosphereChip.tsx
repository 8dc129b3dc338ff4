import type { PermitCardDto } from '../../../../../shared/contract/permits'
import { SeverityChip } from '../../../ui/SeverityChip'
import type { Severity } from '../../../ui/SeverityChip'

type Level = PermitCardDto['atmosphere']['level']

const chips: Record<Level, { label: string; severity: Severity }> = {
  green: { label: 'Atmosphere OK', severity: 'ok' },
  amber: { label: 'Atmosphere: check', severity: 'medium' },
  red: { label: 'Atmosphere FAILING', severity: 'high' },
  none: { label: 'No atmospheric test', severity: 'low' },
}

/** The latest test's verdict in words on its severity's fill; the reasons are in the details. */
export function AtmosphereChip({ level }: { level: Level }) {
  const { label, severity } = chips[level]
  return <SeverityChip severity={severity} label={label} sx={{ fontSize: '1rem', flexShrink: 0 }} />
}
