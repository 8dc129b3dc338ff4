import type { IntegrityCheckDto } from '../../../../shared/contract/system'
import { formatDuration } from '../../../../shared/domain/atmosphere'

export const checkTriggerLabels: Record<IntegrityCheckDto['trigger'], string> = {
  startup: 'Start-up',
  scheduled: 'Scheduled',
  manual: 'Manual',
}

/** "7 s, 76,537 pages": how long a check took and how much it covered. */
export const checkExtent = (check: Pick<IntegrityCheckDto, 'durationMs' | 'pages'>): string =>
  `${formatDuration(check.durationMs)}, ${check.pages.toLocaleString('en-US')} pages`
