import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import MenuItem from '@mui/material/MenuItem'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { styled } from '@mui/material/styles'
import { useState } from 'react'
import type { FormEvent } from 'react'
import { readingKindLabels } from '../../../../../shared/contract/atmosphere'
import type { InstrumentDto } from '../../../../../shared/contract/instruments'
import type { PermitDetailDto } from '../../../../../shared/contract/permits'
import { gases } from '../../../../../shared/domain/gases'
import { localProblem } from '../../../errors/problem'
import type { LocalIssue, Problem } from '../../../errors/problem'
import { fromLocalInput, toLocalInput } from '../../../format/local-datetime'
import { useStores } from '../../../app/stores-context'
import { IssueTextField } from '../../../ui/IssueTextField'
import { IssueSummary } from '../../../ui/IssueSummary'
import { UnmetConditionsAlert } from '../../../ui/UnmetConditionsAlert'
import { useIssueSummary } from '../../../ui/use-issue-summary'
import { useServerNow } from '../../../live/use-server-now'
import { useSession } from '../../session/use-session'
import { checkGases, emptyGasTexts, gasValuesFrom } from '../gas-entry'
import type { GasTexts } from '../gas-entry'
import { usePermit } from '../use-permit'
import { GasField } from './GasField'
import { InstrumentField } from './InstrumentField'
import { TesterField } from './TesterField'
import type { TesterChoice } from './TesterField'

type TestKind = 'pre_entry' | 'periodic'

/** Four fields side by side on a wide screen, read left to right in test order. */
const FieldRow = styled('div')(({ theme }) => ({
  display: 'grid',
  columnGap: theme.spacing(2),
  gridTemplateColumns: 'minmax(0, 1fr)',
  alignItems: 'start',
  [theme.breakpoints.up('md')]: { gridTemplateColumns: 'repeat(4, minmax(0, 1fr))' },
}))

/**
 * A pre-entry or periodic test typed from the instrument: O2, LEL, H2S, CO in that order
 * (1910.146 Appendix B), each judged against the permit's conditions while it is typed.
 */
export function RecordTestForm({ detail }: { detail: PermitDetailDto }) {
  const me = useSession((state) => state.user)
  const clock = useStores().clock
  const now = useServerNow(15_000)
  const saving = usePermit((state) => state.testSaving)
  const serverProblem = usePermit((state) => state.testProblem)
  const refusal = usePermit((state) => state.testRefusal)
  const notice = usePermit((state) => state.testNotice)
  const recordTest = usePermit((state) => state.recordTest)
  const [texts, setTexts] = useState<GasTexts>(emptyGasTexts)
  const [instrument, setInstrument] = useState<InstrumentDto | null>(null)
  const [tester, setTester] = useState<TesterChoice>({ who: 'self', name: '' })
  const [kind, setKind] = useState<TestKind>(detail.tests.length === 0 ? 'pre_entry' : 'periodic')
  // Untouched, the time is "now" when the test is recorded, on the server's clock.
  const [time, setTime] = useState<string | null>(null)
  const [ownProblem, setOwnProblem] = useState<Problem | null>(null)
  const problem = ownProblem ?? serverProblem
  const { formRef, summary } = useIssueSummary(problem)
  const checks = checkGases(texts, detail.fields.conditions)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const gasResult = gasValuesFrom(texts)
    const takenAt = time === null ? Date.now() + clock.getState().offsetMs : fromLocalInput(time)
    const issues: LocalIssue[] = [
      ...('issues' in gasResult ? gasResult.issues : []),
      ...(instrument === null
        ? [{ path: 'instrument', message: 'is required: choose the monitor from the register' }]
        : []),
      ...(tester.who === 'named' && tester.name.trim().length < 2
        ? [{ path: 'tester.name', message: 'must be at least 2 characters' }]
        : []),
      ...(takenAt === null ? [{ path: 'takenAt', message: 'must be a date and time' }] : []),
    ]
    setOwnProblem(issues.length > 0 ? localProblem(issues) : null)
    if (issues.length > 0 || !('values' in gasResult) || takenAt === null || !me || instrument === null) return
    const recorded = await recordTest({
      kind,
      takenAt,
      values: gasResult.values,
      instrument: instrument.serial,
      tester: tester.who === 'self' ? { userId: me.id } : { name: tester.name },
    })
    if (!recorded) return
    setTexts(emptyGasTexts)
    setTime(null)
    setKind('periodic')
  }

  return (
    <Stack component="form" ref={formRef} noValidate aria-label="Record test" onSubmit={(event) => void submit(event)}>
      <Typography variant="h3" component="h3">
        Record test
      </Typography>
      {notice ? (
        <Alert severity={notice.severity} role="status" sx={{ mt: 1 }}>
          {notice.message}
        </Alert>
      ) : null}
      <Typography sx={{ color: 'text.secondary' }}>Oxygen first, then combustible gases, then toxic gases.</Typography>
      {refusal ? <UnmetConditionsAlert title="Test not recorded" unmet={refusal} /> : null}
      <IssueSummary summary={summary} />
      <FieldRow>
        {gases.map((gas, index) => {
          const check = checks[index]
          return check ? (
            <GasField
              key={gas}
              check={check}
              value={texts[gas]}
              onChange={(value) => setTexts((current) => ({ ...current, [gas]: value }))}
              problem={problem}
            />
          ) : null
        })}
      </FieldRow>
      <FieldRow>
        <InstrumentField siteId={detail.card.siteId} value={instrument} onChange={setInstrument} problem={problem} />
        <TesterField value={tester} onChange={setTester} myName={me?.displayName ?? ''} problem={problem} />
        <IssueTextField
          select
          field="kind"
          label="Kind"
          value={kind}
          onChange={(value) => setKind(value === 'pre_entry' ? 'pre_entry' : 'periodic')}
          problem={problem}
        >
          <MenuItem value="pre_entry">{readingKindLabels.pre_entry}</MenuItem>
          <MenuItem value="periodic">{readingKindLabels.periodic}</MenuItem>
        </IssueTextField>
        <IssueTextField
          field="takenAt"
          label="Time taken"
          type="datetime-local"
          value={time ?? toLocalInput(now)}
          onChange={setTime}
          problem={problem}
          hint={time === null ? 'Now, unless you change it.' : undefined}
        />
      </FieldRow>
      <Button type="submit" variant="contained" disabled={saving} sx={{ alignSelf: 'flex-start', mt: 1 }}>
        Record test
      </Button>
    </Stack>
  )
}
