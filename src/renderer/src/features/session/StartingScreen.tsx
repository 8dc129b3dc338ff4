import Button from '@mui/material/Button'
import CircularProgress from '@mui/material/CircularProgress'
import { CenteredPanel } from '../../ui/CenteredPanel'
import { ProblemAlert } from '../../ui/ProblemAlert'
import { useSession } from './use-session'

/** Shown until Gatehouse has answered whether anyone is signed in, and when it cannot answer. */
export function StartingScreen() {
  const problem = useSession((state) => state.problem)
  const init = useSession((state) => state.init)
  if (!problem) {
    return (
      <CenteredPanel title="Connecting">
        <CircularProgress aria-label="Connecting to Gatehouse" />
      </CenteredPanel>
    )
  }
  return (
    <CenteredPanel title="Gatehouse is not answering">
      <ProblemAlert message={problem.message} />
      <Button variant="contained" onClick={() => void init()}>
        Try again
      </Button>
    </CenteredPanel>
  )
}
