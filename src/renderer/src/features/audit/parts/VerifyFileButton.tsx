import Button from '@mui/material/Button'
import { useRef } from 'react'
import { VisuallyHidden } from '../../../ui/VisuallyHidden'
import { useAudit } from '../use-audit'

/** Verifies the chain against a checkpoint file the auditor kept outside Gatehouse. */
export function VerifyFileButton() {
  const verifying = useAudit((state) => state.verifying)
  const verifyAgainstFile = useAudit((state) => state.verifyAgainstFile)
  const input = useRef<HTMLInputElement>(null)
  return (
    <>
      <Button variant="outlined" disabled={verifying} onClick={() => input.current?.click()}>
        Verify against a checkpoint file…
      </Button>
      <VisuallyHidden>
        <input
          ref={input}
          type="file"
          accept=".json,application/json"
          aria-label="Checkpoint file to verify against"
          tabIndex={-1}
          onChange={(event) => {
            const file = event.target.files?.[0]
            // Cleared, so choosing the same file again verifies again.
            event.target.value = ''
            if (file) void verifyAgainstFile(file)
          }}
        />
      </VisuallyHidden>
    </>
  )
}
