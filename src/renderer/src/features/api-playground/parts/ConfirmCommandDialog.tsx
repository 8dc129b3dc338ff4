import Button from '@mui/material/Button'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogContentText from '@mui/material/DialogContentText'
import DialogTitle from '@mui/material/DialogTitle'
import type { ProcedurePath } from '../../../../../shared/contract/procedures'
import { usePlayground } from '../use-playground'

/** A command changes real data: the person confirms before it is sent. */
export function ConfirmCommandDialog({ path }: { path: ProcedurePath }) {
  const confirming = usePlayground((state) => state.confirming)
  const confirm = usePlayground((state) => state.confirm)
  const cancel = usePlayground((state) => state.cancel)
  return (
    <Dialog open={confirming} onClose={cancel} aria-labelledby="confirm-command-title">
      <DialogTitle id="confirm-command-title">Run {path}?</DialogTitle>
      <DialogContent>
        <DialogContentText>
          This command changes the data of this Gatehouse, as the same action on its screen would, and is recorded in
          the audit trail under your name.
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={cancel}>Cancel</Button>
        <Button variant="contained" onClick={() => void confirm()}>
          Run the command
        </Button>
      </DialogActions>
    </Dialog>
  )
}
