import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useRef } from 'react'
import { datalogFields, datalogLayout } from '../../../../shared/contract/datalog'
import { ProblemAlert } from '../../ui/ProblemAlert'
import { Section } from '../../ui/Section'
import { ColumnLayout } from './parts/ColumnLayout'
import { ImportProgress } from './parts/ImportProgress'
import { ImportReport } from './parts/ImportReport'
import { IssueReport } from './parts/IssueReport'
import { MappingPreview } from './parts/MappingPreview'
import { PermitChoice } from './parts/PermitChoice'
import { useDatalogImport } from './use-datalog-import'

/** The Gas page's Import tab: the datalog of a monitor that was not online, from a CSV file. */
export function DatalogImportTab() {
  const phase = useDatalogImport((state) => state.phase)
  const file = useDatalogImport((state) => state.file)
  const header = useDatalogImport((state) => state.header)
  const mapping = useDatalogImport((state) => state.mapping)
  const permitId = useDatalogImport((state) => state.permitId)
  const problem = useDatalogImport((state) => state.problem)
  const chooseFile = useDatalogImport((state) => state.chooseFile)
  const start = useDatalogImport((state) => state.start)
  const reset = useDatalogImport((state) => state.reset)
  const input = useRef<HTMLInputElement>(null)
  const busy = phase === 'checking' || phase === 'committing'
  const missing = datalogFields.filter((field) => datalogLayout[field].required && mapping[field] === undefined)
  const needsPermit = mapping.permit === undefined && permitId === null
  const ready = phase === 'ready' && missing.length === 0 && !needsPermit
  return (
    <>
      <Section title="Import a datalog">
        <Typography sx={{ mb: 2, maxWidth: '80ch' }}>
          The datalog of a monitor that was not online, as a CSV file with a header row and one row per reading. Its
          readings are stored as history: they raise no alarm and order no evacuation; the breaches found are counted in
          the report and show on the trend charts. The file is stored whole or not at all, and the same file is never
          stored twice.
        </Typography>
        <ColumnLayout />
        <input
          ref={input}
          type="file"
          accept=".csv,text/csv"
          hidden
          aria-label="Datalog file"
          onChange={(event) => {
            const chosen = event.target.files?.[0]
            if (chosen) void chooseFile(chosen)
            event.target.value = ''
          }}
        />
        <Button variant={file ? 'outlined' : 'contained'} disabled={busy} onClick={() => input.current?.click()}>
          {file ? 'Choose another file' : 'Choose a CSV file'}
        </Button>
      </Section>
      {file && phase !== 'idle' ? (
        <Section title={`Preview of ${file.name}`}>
          <ProblemAlert message={problem} />
          {header.length > 0 ? <MappingPreview disabled={phase !== 'ready'} /> : null}
          <Stack sx={{ mt: 2 }}>
            {mapping.permit === undefined ? <PermitChoice disabled={phase !== 'ready'} /> : null}
            {phase === 'ready' && missing.length > 0 ? (
              <Typography color="error" sx={{ mb: 1 }}>
                Choose the column of {missing.map((field) => datalogLayout[field].label).join(' and ')}.
              </Typography>
            ) : null}
            <ImportProgress />
            <IssueReport />
            <ImportReport />
            <Stack direction="row" spacing={2} sx={{ mt: 2 }}>
              {phase === 'ready' ? (
                <Button variant="contained" disabled={!ready} onClick={() => void start()}>
                  Import
                </Button>
              ) : null}
              {['done', 'refused', 'imported_before', 'failed'].includes(phase) ? (
                <Button variant="outlined" onClick={reset}>
                  Start again
                </Button>
              ) : null}
            </Stack>
          </Stack>
        </Section>
      ) : null}
    </>
  )
}
