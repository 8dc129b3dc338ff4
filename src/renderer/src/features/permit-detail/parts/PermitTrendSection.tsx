import Link from '@mui/material/Link'
import { useEffect, useMemo } from 'react'
import type { PermitDetailDto } from '../../../../../shared/contract/permits'
import { isTerminal } from '../../../../../shared/domain/permit-lifecycle'
import { Section } from '../../../ui/Section'
import { TrendChart } from '../../trends/parts/TrendChart'
import { trendsHref } from '../../trends/trend-address'
import { permitWindow } from '../../trends/trend-window'
import { useTrends } from '../../trends/use-trends'

/** When the permit first became active, and when it was closed or cancelled, from its timeline. */
function workingTime(detail: PermitDetailDto): { activeSince: number | null; endedAt: number | null } {
  const activeSince = detail.timeline.find((entry) => entry.toState === 'active')?.at ?? null
  const ended = isTerminal(detail.card.state)
    ? (detail.timeline.filter((entry) => entry.toState === detail.card.state).at(-1)?.at ?? null)
    : null
  return { activeSince, endedAt: ended }
}

/** The permit's gases over its working time, following new readings while it is open. */
export function PermitTrendSection({ detail }: { detail: PermitDetailDto }) {
  const permitId = detail.card.id
  const open = useTrends((state) => state.open)
  const show = useTrends((state) => state.show)
  const { activeSince, endedAt } = useMemo(() => workingTime(detail), [detail])
  useEffect(() => open(), [open, permitId])
  useEffect(() => {
    show({ kind: 'permit', permitId }, permitWindow(activeSince, endedAt, Date.now()))
  }, [show, permitId, activeSince, endedAt])
  return (
    <Section
      title="Gas trends"
      actions={
        <Link href={trendsHref({ subject: { kind: 'permit', permitId }, range: '24h' })}>Open in Gas trends</Link>
      }
    >
      <TrendChart />
    </Section>
  )
}
