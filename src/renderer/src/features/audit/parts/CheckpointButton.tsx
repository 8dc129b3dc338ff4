import Button from '@mui/material/Button'
import { useAudit } from '../use-audit'

export function CheckpointButton() {
  const checkpointing = useAudit((state) => state.checkpointing)
  const saveCheckpoint = useAudit((state) => state.saveCheckpoint)
  return (
    <Button variant="outlined" disabled={checkpointing} onClick={() => void saveCheckpoint()}>
      Save a checkpoint
    </Button>
  )
}
