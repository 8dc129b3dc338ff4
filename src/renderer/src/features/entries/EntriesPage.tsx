import LinearProgress from '@mui/material/LinearProgress'
import Typography from '@mui/material/Typography'
import { styled } from '@mui/material/styles'
import { useEffect } from 'react'
import { PageHeader } from '../../ui/PageHeader'
import { ProblemAlert } from '../../ui/ProblemAlert'
import { SpaceInsideCard } from './parts/SpaceInsideCard'
import { useEntries } from './use-entries'

const CardGrid = styled('div')(({ theme }) => ({
  display: 'grid',
  gap: theme.spacing(2),
  gridTemplateColumns: 'repeat(auto-fill, minmax(340px, 1fr))',
  alignItems: 'start',
}))

/** Who is inside each space right now, live. */
export function EntriesPage() {
  const open = useEntries((state) => state.open)
  const spaces = useEntries((state) => state.spaces)
  const loaded = useEntries((state) => state.loaded)
  const problem = useEntries((state) => state.problem)
  useEffect(() => open(), [open])
  const occupied = spaces.filter((space) => space.headcount > 0)
  const ordered = [...spaces].sort((a, b) => b.headcount - a.headcount)
  const total = occupied.reduce((sum, space) => sum + space.headcount, 0)
  return (
    <>
      <PageHeader title="Entries" />
      <ProblemAlert message={problem} />
      {!loaded && !problem ? <LinearProgress aria-label="Loading who is inside" /> : null}
      {loaded ? (
        <Typography variant="h3" component="p" sx={{ mb: 2 }}>
          {total === 0
            ? 'Nobody is inside any space.'
            : `${String(total)} ${total === 1 ? 'person' : 'people'} inside ${String(occupied.length)} ${occupied.length === 1 ? 'space' : 'spaces'}.`}
        </Typography>
      ) : null}
      <CardGrid aria-label="Headcount by space">
        {ordered.map((space) => (
          <SpaceInsideCard key={`${String(space.spaceId)}-${String(space.permitId)}`} space={space} />
        ))}
      </CardGrid>
    </>
  )
}
