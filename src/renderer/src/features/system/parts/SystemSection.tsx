import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Typography from '@mui/material/Typography'
import { useEffect } from 'react'
import { Fact } from '../../../ui/Fact'
import { ProblemAlert } from '../../../ui/ProblemAlert'
import { Section } from '../../../ui/Section'
import { ReadingRetention } from '../../retention/parts/ReadingRetention'
import { useIntegrityChecks } from '../use-integrity-checks'
import { useSystem } from '../use-system'
import { IntegrityChecksTable } from './IntegrityChecksTable'
import { IntegrityScheduleForm } from './IntegrityScheduleForm'
import { IntegrityStatus } from './IntegrityStatus'

/** Runs SQLite's full integrity check now; disabled while one runs, here or on schedule. */
function CheckNowButton() {
  const checking = useIntegrityChecks((state) => state.checking)
  const running = useIntegrityChecks((state) => state.page?.running ?? null)
  const checkNow = useIntegrityChecks((state) => state.checkNow)
  return (
    <Button variant="outlined" disabled={checking || running !== null} onClick={() => void checkNow()}>
      {checking || running ? 'Checking…' : 'Check now'}
    </Button>
  )
}

/**
 * What an administrator names when asking for help (the version, where the data is, the schema
 * state) and whether the database file is sound: the checks at start-up and the full check.
 */
export function SystemSection() {
  const info = useSystem((state) => state.info)
  const problem = useSystem((state) => state.infoProblem)
  const watchChecks = useIntegrityChecks((state) => state.watch)
  const schedule = useIntegrityChecks((state) => state.page?.schedule ?? null)
  useEffect(() => watchChecks(), [watchChecks])
  return (
    <Section title="System" actions={<CheckNowButton />}>
      <ProblemAlert message={problem} />
      {info ? (
        <Box
          component="dl"
          sx={{ m: 0, display: 'grid', gap: 1.5, gridTemplateColumns: { xs: '1fr', md: 'repeat(2, minmax(0, 1fr))' } }}
        >
          <Fact label="Version">{info.version}</Fact>
          <Fact label="Migrations applied">{info.migrationsApplied}</Fact>
          <Fact label="Data folder">{info.dataDir}</Fact>
          <Fact label="Database file">{info.databaseFile}</Fact>
        </Box>
      ) : null}
      <Typography variant="h3" component="h3" sx={{ mt: 3, mb: 1 }}>
        Database integrity
      </Typography>
      <IntegrityStatus />
      <IntegrityChecksTable />
      {schedule ? <IntegrityScheduleForm key={String(schedule.everyHours)} everyHours={schedule.everyHours} /> : null}
      <ReadingRetention />
    </Section>
  )
}
