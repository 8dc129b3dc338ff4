import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'
import { useEffect } from 'react'
import type { RetentionRunDto } from '../../../../../shared/contract/retention'
import { formatTime } from '../../../format/time'
import { Fact } from '../../../ui/Fact'
import { ProblemAlert } from '../../../ui/ProblemAlert'
import { useRetention } from '../use-retention'

const count = new Intl.NumberFormat()

/** "5,200 readings of CSE-NORTH-2026-0001 and CSE-NORTH-2026-0004". */
function removedWords(run: RetentionRunDto): string {
  const numbers = run.permits.map((permit) => permit.number)
  const permits = numbers.length <= 3 ? numbers.join(', ') : `${String(numbers.length)} permits`
  return `${count.format(run.readings)} raw readings of ${permits}`
}

/**
 * How long each site keeps raw gas readings after a permit ends (its setting, edited with the
 * site) and what retention last removed: the Admin page's System section.
 */
export function ReadingRetention() {
  const open = useRetention((state) => state.open)
  const status = useRetention((state) => state.status)
  const problem = useRetention((state) => state.problem)
  useEffect(() => open(), [open])
  return (
    <>
      <Typography variant="h3" component="h3" sx={{ mt: 3, mb: 1 }}>
        Gas reading retention
      </Typography>
      <ProblemAlert message={problem} />
      <ProblemAlert message={status?.lastFailure ? `The last run failed: ${status.lastFailure.message}` : null} />
      {status ? (
        <>
          <Typography variant="body2" sx={{ mb: 1 }}>
            Raw continuous readings are kept for the days each site sets after their permit is closed or cancelled (at
            least {status.minimumDays}, 1910.146(e)(6)); then only the per-minute, per-hour and per-day summaries
            remain. Checked every {status.everyMinutes} minutes; change the days with the site.
          </Typography>
          <Box
            component="dl"
            sx={{
              m: 0,
              display: 'grid',
              gap: 1.5,
              gridTemplateColumns: { xs: '1fr', md: 'repeat(2, minmax(0, 1fr))' },
            }}
          >
            {status.sites.map((site) => (
              <Fact key={site.siteId} label={`${site.code} ${site.name}`}>
                Raw readings kept {site.rawReadingDays} days after a permit ends
              </Fact>
            ))}
            <Fact label="Last run that removed readings">
              {status.lastRun ? `${formatTime(status.lastRun.at)}: ${removedWords(status.lastRun)}` : 'None yet'}
            </Fact>
            <Fact label="Last checked">
              {status.lastCheckedAt === null ? 'Not yet since the console started' : formatTime(status.lastCheckedAt)}
            </Fact>
          </Box>
        </>
      ) : null}
    </>
  )
}
