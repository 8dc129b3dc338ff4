import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useEffect, useMemo, useRef } from 'react'
import { useHash } from '../../app/navigation/hash-route'
import { queryOfHash } from '../../app/navigation/routes'
import { ProblemAlert } from '../../ui/ProblemAlert'
import { TrendChart } from './parts/TrendChart'
import { SubjectPicker } from './parts/SubjectPicker'
import { addressOf, parseTrendAddress, trendsHref, windowOfRange } from './trend-address'
import { defaultSubject } from './trend-subjects-store'
import { useTrends, useTrendSubjects } from './use-trends'

/**
 * The Gas page's Trends tab: a subject and a window, kept in the address
 * (#/gas/trends?space=3&range=30d), so a link, a reload or a bookmark shows the same chart.
 */
export function TrendsTab() {
  const query = queryOfHash(useHash())
  const address = useMemo(() => parseTrendAddress(query), [query])
  const subjects = useTrendSubjects((state) => state.subjects)
  const subjectsProblem = useTrendSubjects((state) => state.problem)
  const loadSubjects = useTrendSubjects((state) => state.load)
  const open = useTrends((state) => state.open)
  const show = useTrends((state) => state.show)
  const subject = useTrends((state) => state.subject)
  const window = useTrends((state) => state.window)

  useEffect(() => open(), [open])
  useEffect(() => void loadSubjects(), [loadSubjects])

  // The address leads: a link or Back to another chart shows it; without a subject, the default
  // one. The chart writes its own changes (a preset, a zoom) back to the address; an address it
  // wrote itself is not read back, or a render that sees both a new address and a new chart would
  // have each undo the other, forever.
  const written = useRef<string | null>(null)
  const wanted = useMemo(
    () => address.subject ?? (subjects ? defaultSubject(subjects) : null),
    [address.subject, subjects],
  )
  useEffect(() => {
    if (!wanted || trendsHref(address) === written.current) return
    show(wanted, windowOfRange(address.range, Date.now()))
  }, [show, wanted, address])

  // ...and follows what is shown, without adding a step to the history.
  useEffect(() => {
    if (!subject || !window) return
    const href = trendsHref(addressOf(subject, window))
    written.current = href
    if (href !== globalThis.location.hash) globalThis.history.replaceState(null, '', href)
  }, [subject, window])

  const picker = subjects ? (
    <SubjectPicker
      subjects={subjects}
      value={subject}
      onChange={(next) => show(next, window ?? windowOfRange(null, Date.now()))}
    />
  ) : null

  return (
    <Stack spacing={1}>
      <ProblemAlert message={subjectsProblem} />
      {subjects && !wanted ? (
        <Typography sx={{ color: 'text.secondary' }}>No space, permit or instrument is registered yet.</Typography>
      ) : null}
      {wanted ? <TrendChart lead={picker} fit /> : picker}
    </Stack>
  )
}
