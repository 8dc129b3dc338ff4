import Dialog from '@mui/material/Dialog'
import DialogContent from '@mui/material/DialogContent'
import DialogContentText from '@mui/material/DialogContentText'
import DialogTitle from '@mui/material/DialogTitle'
import Stack from '@mui/material/Stack'
import { useState } from 'react'
import type { FormEvent } from 'react'
import type { GasExportDataset, GasExportResolution } from '../../../../../shared/contract/gas-export'
import { localProblem } from '../../../errors/problem'
import type { Problem } from '../../../errors/problem'
import { fromLocalInput, toLocalInput } from '../../../format/local-datetime'
import { workstationZone } from '../../../format/time'
import { IssueTextField } from '../../../ui/IssueTextField'
import { ProblemAlert } from '../../../ui/ProblemAlert'
import { ExportProgressBar } from '../../exports/parts/ExportProgressBar'
import { ExportResult } from '../../exports/parts/ExportResult'
import type { GasExportTarget } from '../gas-export-store'
import { useGasExport } from '../use-gas-export'
import { ChoiceGroup } from './ChoiceGroup'
import { ExportActions } from '../../exports/parts/ExportActions'

const datasets: { value: GasExportDataset; label: string }[] = [
  { value: 'readings', label: 'Readings' },
  { value: 'alarms', label: 'Alarms' },
  { value: 'exposure', label: 'Exposure per shift (8 h TWA and 15 min STEL of H2S and CO)' },
]
const resolutions: { value: GasExportResolution; label: string }[] = [
  { value: 'raw', label: 'Every reading' },
  { value: 'minute', label: 'Per minute (count, mean, lowest, highest, first, last)' },
  { value: 'hour', label: 'Per hour (the same per hour)' },
]
const formats: { value: 'csv' | 'json'; label: string }[] = [
  { value: 'csv', label: 'CSV, for a spreadsheet' },
  { value: 'json', label: 'JSON, for a program' },
]

/** From and To as typed, or what is wrong with them, in the server's words. */
function readRange(fromText: string, toText: string): { from: number; to: number } | Problem {
  const from = fromLocalInput(fromText)
  const to = fromLocalInput(toText)
  const issues = [
    ...(from === null ? [{ path: 'from', message: 'must be a date and time' }] : []),
    ...(to === null ? [{ path: 'to', message: 'must be a date and time' }] : []),
    ...(from !== null && to !== null && from >= to ? [{ path: 'from', message: 'must be before to' }] : []),
  ]
  return from !== null && to !== null && issues.length === 0 ? { from, to } : localProblem(issues)
}

function ExportForm({ target }: { target: GasExportTarget }) {
  const exporting = useGasExport((state) => state.exporting)
  const progress = useGasExport((state) => state.progress)
  const result = useGasExport((state) => state.result)
  const serverProblem = useGasExport((state) => state.problem)
  const downloading = useGasExport((state) => state.downloading)
  const desktop = useGasExport((state) => state.desktop)
  const start = useGasExport((state) => state.start)
  const download = useGasExport((state) => state.download)
  const close = useGasExport((state) => state.close)
  const [dataset, setDataset] = useState<GasExportDataset>('readings')
  const [resolution, setResolution] = useState<GasExportResolution>('minute')
  const [format, setFormat] = useState<'csv' | 'json'>('csv')
  const [fromText, setFromText] = useState(() => toLocalInput(target.from))
  const [toText, setToText] = useState(() => toLocalInput(target.to))
  const [ownProblem, setOwnProblem] = useState<Problem | null>(null)
  const problem = ownProblem ?? serverProblem
  const fixed = exporting || result !== null
  const hint = `in ${workstationZone()}; the file gives UTC`

  const submit = (event: FormEvent) => {
    event.preventDefault()
    const range = readRange(fromText, toText)
    if ('message' in range) {
      setOwnProblem(range)
      return
    }
    setOwnProblem(null)
    void start({ dataset, resolution, format, ...range })
  }

  return (
    <form noValidate onSubmit={submit}>
      <DialogTitle>Export gas data</DialogTitle>
      <DialogContent>
        <DialogContentText>
          Of <strong>{target.label}</strong>. Times as ISO 8601 in UTC with epoch milliseconds, values in each gas’s
          unit; the file states what it holds and ends with a signed checkpoint.
        </DialogContentText>
        <ChoiceGroup<GasExportDataset>
          label="What"
          value={dataset}
          options={datasets}
          onChange={setDataset}
          disabled={fixed}
        />
        {dataset === 'readings' ? (
          <ChoiceGroup<GasExportResolution>
            label="Resolution"
            value={resolution}
            options={resolutions}
            onChange={setResolution}
            disabled={fixed}
          />
        ) : null}
        <ChoiceGroup<'csv' | 'json'>
          label="Format"
          value={format}
          options={formats}
          onChange={setFormat}
          disabled={fixed}
        />
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mt: 2 }}>
          <IssueTextField
            field="from"
            label="From"
            type="datetime-local"
            value={fromText}
            onChange={setFromText}
            problem={problem}
            hint={hint}
            disabled={fixed}
          />
          <IssueTextField
            field="to"
            label="To"
            type="datetime-local"
            value={toText}
            onChange={setToText}
            problem={problem}
            hint={hint}
            disabled={fixed}
          />
        </Stack>
        {exporting ? <ExportProgressBar progress={progress} rows="rows" approximate /> : null}
        {result ? <ExportResult result={result} desktop={desktop} noun={['row', 'rows']} /> : null}
        <ProblemAlert message={problem?.message} />
      </DialogContent>
      <ExportActions
        written={result !== null}
        desktop={desktop}
        exporting={exporting}
        downloading={downloading}
        onClose={close}
        onDownload={() => void download()}
      />
    </form>
  )
}

/** The Export dialog of whatever it was opened on; closed while nothing is. */
export function GasExportDialog() {
  const target = useGasExport((state) => state.target)
  const exporting = useGasExport((state) => state.exporting)
  const close = useGasExport((state) => state.close)
  if (!target) return null
  return (
    <Dialog open onClose={exporting ? undefined : close} fullWidth maxWidth="sm">
      <ExportForm target={target} />
    </Dialog>
  )
}
