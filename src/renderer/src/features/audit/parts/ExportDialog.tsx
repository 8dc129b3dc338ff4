import Dialog from '@mui/material/Dialog'
import DialogContent from '@mui/material/DialogContent'
import DialogContentText from '@mui/material/DialogContentText'
import DialogTitle from '@mui/material/DialogTitle'
import FormControl from '@mui/material/FormControl'
import FormControlLabel from '@mui/material/FormControlLabel'
import FormLabel from '@mui/material/FormLabel'
import Radio from '@mui/material/Radio'
import RadioGroup from '@mui/material/RadioGroup'
import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { ProblemAlert } from '../../../ui/ProblemAlert'
import { usePeopleWithRole } from '../../people/use-people'
import { describeFilter } from '../audit-filter'
import type { FilterNames } from '../audit-filter'
import type { ExportFormat } from '../audit-export'
import { useAudit } from '../use-audit'
import { ExportProgress } from './ExportProgress'
import { ExportResult } from '../../exports/parts/ExportResult'
import { ExportActions } from '../../exports/parts/ExportActions'

const formats: { format: ExportFormat; label: string }[] = [
  { format: 'csv', label: 'CSV, for a spreadsheet' },
  { format: 'json', label: 'JSON, for a program' },
]

/** The trail as filtered on the page, written to a file with its filter, range and signed checkpoint. */
function ExportForm() {
  const filter = useAudit((state) => state.filter)
  const exporting = useAudit((state) => state.exporting)
  const result = useAudit((state) => state.exportResult)
  const problem = useAudit((state) => state.exportProblem)
  const downloading = useAudit((state) => state.downloading)
  const startExport = useAudit((state) => state.startExport)
  const downloadExport = useAudit((state) => state.downloadExport)
  const closeExport = useAudit((state) => state.closeExport)
  const desktop = useAudit((state) => state.desktop)
  const { people } = usePeopleWithRole(null)
  const [format, setFormat] = useState<ExportFormat>('csv')
  const formatLabel = useId()
  const items = useAudit((state) => state.items)
  const names: FilterNames = {
    person: (id) => people.find((person) => person.id === id)?.displayName ?? null,
    record: (entityType, entityId) =>
      items.find((entry) => entry.entityType === entityType && entry.entityId === entityId)?.entityLabel ?? null,
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    void startExport(format)
  }
  return (
    <form noValidate onSubmit={submit}>
      <DialogTitle>Export the audit trail</DialogTitle>
      <DialogContent>
        <DialogContentText>
          The current filter: <strong>{describeFilter(filter, names)}</strong>, newest first, up to the newest entry
          now. The file states its filter and ends with a signed checkpoint.
        </DialogContentText>
        <FormControl sx={{ mt: 2 }} disabled={exporting || result !== null}>
          <FormLabel id={formatLabel}>Format</FormLabel>
          <RadioGroup
            aria-labelledby={formatLabel}
            value={format}
            onChange={(event) => setFormat(event.target.value === 'json' ? 'json' : 'csv')}
          >
            {formats.map((option) => (
              <FormControlLabel key={option.format} value={option.format} control={<Radio />} label={option.label} />
            ))}
          </RadioGroup>
        </FormControl>
        <ExportProgress />
        {result ? <ExportResult result={result} desktop={desktop} /> : null}
        <ProblemAlert message={problem} />
      </DialogContent>
      <ExportActions
        written={result !== null}
        desktop={desktop}
        exporting={exporting}
        downloading={downloading}
        onClose={closeExport}
        onDownload={() => void downloadExport()}
      />
    </form>
  )
}

export function ExportDialog() {
  const open = useAudit((state) => state.exportOpen)
  const exporting = useAudit((state) => state.exporting)
  const closeExport = useAudit((state) => state.closeExport)
  if (!open) return null
  return (
    <Dialog open onClose={exporting ? undefined : closeExport} fullWidth maxWidth="sm">
      <ExportForm />
    </Dialog>
  )
}
