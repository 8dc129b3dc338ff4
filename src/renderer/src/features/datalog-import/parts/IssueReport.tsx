import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import { datalogLayout } from '../../../../../shared/contract/datalog'
import { saveFile } from '../../exports/save-file'
import { keptIssues } from '../datalog-import-store'
import { issueReportCsv } from '../issue-report-csv'
import { useDatalogImport } from '../use-datalog-import'

/** Shown on the screen; the downloadable report holds every problem kept. */
const shown = 200
const count = new Intl.NumberFormat()

/** Every problem of the file by row and column, and nothing stored: the person corrects the file and imports it again. */
export function IssueReport() {
  const phase = useDatalogImport((state) => state.phase)
  const issues = useDatalogImport((state) => state.issues)
  const refused = useDatalogImport((state) => state.refused)
  const checked = useDatalogImport((state) => state.checked)
  const file = useDatalogImport((state) => state.file)
  if (phase !== 'refused') return null
  const download = () =>
    saveFile(`${(file?.name ?? 'datalog').replace(/\.csv$/i, '')}-problems.csv`, issueReportCsv(issues))
  return (
    <>
      <Alert severity="error" sx={{ mb: 2 }}>
        Nothing was stored: {count.format(refused)} of {count.format(checked)} rows have problems. Correct the file and
        import it again.
        {issues.length >= keptIssues ? ` The first ${count.format(keptIssues)} problems are listed.` : ''}
      </Alert>
      <Button variant="outlined" onClick={download} sx={{ mb: 2 }}>
        Download the problems (CSV)
      </Button>
      <TableContainer>
        <Table size="small" aria-label="Problems in the file">
          <TableHead>
            <TableRow>
              <TableCell>Row</TableCell>
              <TableCell>Column</TableCell>
              <TableCell>Problem</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {issues.slice(0, shown).map((issue) => (
              <TableRow key={`${String(issue.line)}-${issue.field}-${issue.rule}`}>
                <TableCell>{issue.line}</TableCell>
                <TableCell>{datalogLayout[issue.field].label}</TableCell>
                <TableCell>
                  {datalogLayout[issue.field].label} {issue.message}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {issues.length > shown ? `… and ${count.format(issues.length - shown)} more in the downloaded report.` : null}
    </>
  )
}
