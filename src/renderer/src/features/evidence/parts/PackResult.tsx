import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import { useState } from 'react'
import { fetchExportFile } from '../../exports/export-download'
import { saveFile } from '../../exports/save-file'
import { ProblemAlert } from '../../../ui/ProblemAlert'
import type { PackKind } from '../evidence-store'
import { useEvidence } from '../use-evidence'

const size = (bytes: number) =>
  bytes < 1e6 ? `${Math.max(1, Math.round(bytes / 1e3))} kB` : `${(bytes / 1e6).toFixed(1)} MB`

/** What was written, and where: the desktop names the file, a browser downloads it. */
export function PackResult({ kind }: { kind: PackKind }) {
  const written = useEvidence((state) => (state.written?.kind === kind ? state.written.file : null))
  const problem = useEvidence((state) => (state.problem?.kind === kind ? state.problem.problem.message : null))
  const desktop = useEvidence((state) => state.desktop)
  const [downloadProblem, setDownloadProblem] = useState<string | null>(null)
  if (problem) return <ProblemAlert message={problem} />
  if (!written) return null
  const download = async () => {
    try {
      saveFile(written.name, await fetchExportFile(written.name))
    } catch (error) {
      setDownloadProblem(`The download failed: ${(error as Error).message}`)
    }
  }
  return (
    <>
      <Alert
        severity="success"
        role="status"
        action={
          desktop ? null : (
            <Button color="inherit" onClick={() => void download()}>
              Download
            </Button>
          )
        }
      >
        {written.name} written ({size(written.bytes)}, SHA-256 {written.sha256.slice(0, 12)}…), ending at audit entry{' '}
        {written.checkpoint.seq}.{desktop ? ` It is in ${written.path}.` : ''}
      </Alert>
      <ProblemAlert message={downloadProblem} />
    </>
  )
}
