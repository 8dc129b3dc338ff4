import Box from '@mui/material/Box'
import { Fact } from '../../../ui/Fact'
import { ProblemAlert } from '../../../ui/ProblemAlert'
import { Section } from '../../../ui/Section'
import { useSystem } from '../use-system'

/** What an administrator names when asking for help: the version, where the data is, the schema state. */
export function SystemSection() {
  const info = useSystem((state) => state.info)
  const problem = useSystem((state) => state.infoProblem)
  return (
    <Section title="System">
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
    </Section>
  )
}
