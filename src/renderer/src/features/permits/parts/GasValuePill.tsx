import { styled } from '@mui/material/styles'
import type { LiveValuesDto } from '../../../../../shared/contract/live-values'
import { formatGasValue, gasInfo } from '../../../../../shared/domain/gases'
import { VisuallyHidden } from '../../../ui/VisuallyHidden'

type LiveGas = LiveValuesDto['gases'][number]
type GasStatus = LiveGas['status']

const severityOf = { ok: 'ok', warning: 'medium', breach: 'high' } as const
const statusWords: Record<GasStatus, string> = { ok: 'inside limits', warning: 'warning', breach: 'breach' }
// Colour is not the only carrier: a mark that reads without it, and the status in words for screen readers.
const marks: Record<GasStatus, string> = { ok: '', warning: '! ', breach: '✕ ' }

const Pill = styled('span', { shouldForwardProp: (prop) => prop !== 'status' })<{ status: GasStatus }>(({
  theme,
  status,
}) => {
  const tone = theme.palette.severity[severityOf[status]]
  const filled = status !== 'ok'
  return {
    display: 'inline-block',
    padding: '2px 8px',
    borderRadius: 4,
    border: `2px solid ${filled ? tone.fill : tone.text}`,
    backgroundColor: filled ? tone.fill : 'transparent',
    color: filled ? tone.onFill : tone.text,
    fontWeight: 700,
    whiteSpace: 'nowrap',
    fontVariantNumeric: 'tabular-nums',
  }
})

/** One gas's latest value, coloured by its verdict against the permit's conditions. */
export function GasValuePill({ value }: { value: LiveGas }) {
  return (
    <Pill status={value.status} data-status={value.status} title={value.requirement}>
      <span aria-hidden>{marks[value.status]}</span>
      {gasInfo[value.gas].symbol} {formatGasValue(value.gas, value.value)}
      <VisuallyHidden>, {statusWords[value.status]}</VisuallyHidden>
    </Pill>
  )
}
