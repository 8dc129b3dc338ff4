import Chip from '@mui/material/Chip'
import type { ChipProps } from '@mui/material/Chip'
import { styled } from '@mui/material/styles'
import type { SeverityPalette } from '../theme/severity-palette'

export type Severity = keyof SeverityPalette

const ToneChip = styled(Chip, { shouldForwardProp: (prop) => prop !== 'severity' })<{ severity: Severity }>(
  ({ theme, severity }) => ({
    fontWeight: 700,
    backgroundColor: theme.palette.severity[severity].fill,
    color: theme.palette.severity[severity].onFill,
  }),
)

/**
 * A short status in words on a fill of its severity (high red, medium amber, low neutral, ok
 * green), at WCAG AA contrast in both themes, which MUI's own warning chip is not on white.
 */
export function SeverityChip({ severity, ...props }: { severity: Severity } & Omit<ChipProps, 'color' | 'variant'>) {
  return <ToneChip size="small" severity={severity} {...props} />
}
