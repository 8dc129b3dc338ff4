import Button from '@mui/material/Button'
import LinearProgress from '@mui/material/LinearProgress'
import Stack from '@mui/material/Stack'
import { useEffect } from 'react'
import { messageOutside } from '../../errors/problem'
import { IssueTextField } from '../../ui/IssueTextField'
import { PageHeader } from '../../ui/PageHeader'
import { ProblemAlert } from '../../ui/ProblemAlert'
import { Section } from '../../ui/Section'
import { HandoverDialogs } from './parts/HandoverDialogs'
import { HandoverHistory } from './parts/HandoverHistory'
import { HandoverReport } from './parts/HandoverReport'
import { useHandover } from './use-handover'

/** The shift handover: the report as it stands, notes, the outgoing signature; then acknowledgement. */
export function HandoverPage() {
  const open = useHandover((state) => state.open)
  const report = useHandover((state) => state.report)
  const loading = useHandover((state) => state.loading)
  const problem = useHandover((state) => state.problem)
  const shiftHours = useHandover((state) => state.shiftHours)
  const notes = useHandover((state) => state.notes)
  const setShiftHours = useHandover((state) => state.setShiftHours)
  const setNotes = useHandover((state) => state.setNotes)
  const openDialog = useHandover((state) => state.openDialog)
  useEffect(() => open(), [open])
  return (
    <>
      <PageHeader
        title="Handover"
        actions={
          <Button variant="contained" disabled={!report} onClick={() => openDialog({ kind: 'sign' })}>
            Sign handover
          </Button>
        }
      />
      <ProblemAlert message={messageOutside(problem, ['shiftHours'])} />
      <Section title="Next shift">
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
          <IssueTextField
            field="shiftHours"
            label="Shift hours"
            value={shiftHours}
            onChange={setShiftHours}
            problem={problem}
            hint="Permits ending within this many hours are listed as expiring."
          />
          <IssueTextField
            field="notes"
            label="Handover notes"
            value={notes}
            onChange={setNotes}
            problem={null}
            multiline
            hint="What the incoming supervisor must know that the report does not say."
          />
        </Stack>
      </Section>
      {loading && !report ? <LinearProgress aria-label="Drawing up the handover report" /> : null}
      {report ? <HandoverReport report={report} /> : null}
      <HandoverHistory />
      <HandoverDialogs />
    </>
  )
}
