import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { newPermitHref } from '../../../app/navigation/routes'
import { ProblemAlert } from '../../../ui/ProblemAlert'
import { useMayCall } from '../../session/use-access'
import { useBoard } from '../use-board'

/** An empty board says so, and offers the next step to whoever may take it. */
export function EmptyBoard() {
  const mayCreate = useMayCall('permits.create')
  const mayLoadDemo = useMayCall('demo.load')
  const filtered = useBoard((state) => state.filters.siteId !== null || state.filters.state !== null)
  const demoLoading = useBoard((state) => state.demoLoading)
  const demoProblem = useBoard((state) => state.demoProblem)
  const loadDemo = useBoard((state) => state.loadDemo)
  return (
    <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
      <Typography variant="h3" component="p">
        {filtered ? 'No open permits match these filters.' : 'No open permits: nobody is working in a confined space.'}
      </Typography>
      <ProblemAlert message={demoProblem} />
      <Stack direction="row" spacing={2}>
        {mayCreate ? (
          <Button variant="contained" href={newPermitHref}>
            New permit
          </Button>
        ) : null}
        {mayLoadDemo && !filtered ? (
          <Button variant="outlined" disabled={demoLoading} onClick={() => void loadDemo()}>
            Load demo site
          </Button>
        ) : null}
      </Stack>
    </Stack>
  )
}
