import { windowAt } from '../../trends/trend-window'
import { useTrends } from '../../trends/use-trends'
import { GasExportButton } from './GasExportButton'

/** "Export…" beside a permit's or a space's trend, for the window on screen (a live one up to now). */
export function TrendExportButton() {
  const subject = useTrends((state) => state.subject)
  const window = useTrends((state) => state.window)
  const title = useTrends((state) => state.trend?.title ?? null)
  if (!subject || !window || subject.kind === 'instrument') return null
  const label = title ?? (subject.kind === 'permit' ? 'this permit' : 'this space')
  const target = () => {
    const { from, to } = windowAt(window, Date.now())
    return { subject, label, from, to }
  }
  return <GasExportButton target={target} />
}
