import Button from '@mui/material/Button'
import { useMayCall } from '../../session/use-access'
import { useEvidence } from '../use-evidence'

/** On the print view: the permit's evidence pack, with the printed permit inside on the desktop. */
export function EvidencePackButton({ permitId, disabled }: { permitId: number; disabled: boolean }) {
  const mayWrite = useMayCall('evidence.permitPack')
  const writing = useEvidence((state) => state.writing === 'permit')
  const permitPack = useEvidence((state) => state.permitPack)
  if (!mayWrite) return null
  return (
    <Button variant="outlined" disabled={disabled || writing} onClick={() => void permitPack(permitId)}>
      {writing ? 'Writing the evidence pack…' : 'Evidence pack'}
    </Button>
  )
}
