import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useEffect, useState } from 'react'
import { navigate } from '../../app/navigation/hash-route'
import { newPermitHref, wallHref } from '../../app/navigation/routes'
import { formatTime } from '../../format/time'
import { ProblemAlert } from '../../ui/ProblemAlert'
import { useMayCall } from '../session/use-access'
import { BoardFilters } from './parts/BoardFilters'
import { BoardGrid } from './parts/BoardGrid'
import { EvacuateAllDialog } from './parts/EvacuateAllDialog'
import { enterFullScreen } from './full-screen'
import { useBoard } from './use-board'

export function BoardPage() {
  const open = useBoard((state) => state.open)
  const problem = useBoard((state) => state.problem)
  const loadedAt = useBoard((state) => state.loadedAt)
  const mayCreate = useMayCall('permits.create')
  const mayEvacuate = useMayCall('evacuations.order')
  const [evacuating, setEvacuating] = useState(false)
  // An empty board offers its own New permit button.
  const empty = useBoard((state) => state.loaded && state.cards.length === 0)
  // People may be inside where the state filter shows no card; they can still be called out.
  const evacuable = useBoard((state) => state.peopleInside > 0 || state.cards.length > 0)
  useEffect(() => open(), [open])
  const toWall = () => {
    // Full screen needs the click itself; the wall route then drops the menu and the bar.
    enterFullScreen()
    navigate(wallHref)
  }
  return (
    <>
      {/* Title, filters and actions share one line, so the cards start high on the screen. */}
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
        <Typography variant="h1">Board</Typography>
        <BoardFilters />
        <Box sx={{ flexGrow: 1 }} />
        <Button variant="outlined" onClick={toWall}>
          Wall mode
        </Button>
        {mayEvacuate && evacuable ? (
          <Button variant="contained" color="error" onClick={() => setEvacuating(true)}>
            Evacuate all
          </Button>
        ) : null}
        {mayCreate && !empty ? (
          <Button variant="contained" href={newPermitHref}>
            New permit
          </Button>
        ) : null}
      </Stack>
      {evacuating ? <EvacuateAllDialog onClose={() => setEvacuating(false)} /> : null}
      <ProblemAlert
        message={
          problem && loadedAt !== null
            ? `${problem} The cards below are as of ${formatTime(loadedAt)} and may be out of date.`
            : problem
        }
      />
      <BoardGrid />
    </>
  )
}
