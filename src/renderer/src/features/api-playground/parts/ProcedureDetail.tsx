import Accordion from '@mui/material/Accordion'
import AccordionDetails from '@mui/material/AccordionDetails'
import AccordionSummary from '@mui/material/AccordionSummary'
import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { procedurePolicy } from '../../../../../shared/contract/policy'
import type { ProcedurePath } from '../../../../../shared/contract/procedures'
import { procedures } from '../../../../../shared/contract/procedures'
import { procedureSchemas, whoMayCall } from '../../../../../shared/contract/reference'
import { ProblemAlert } from '../../../ui/ProblemAlert'
import { usePlayground } from '../use-playground'
import { AnswerView } from './AnswerView'
import { ConfirmCommandDialog } from './ConfirmCommandDialog'
import { CurlLine } from './CurlLine'

const code = { fontFamily: 'monospace', fontSize: '0.875rem' }

function SchemaPanel({ title, schema }: { title: string; schema: unknown }) {
  return (
    <Accordion disableGutters>
      <AccordionSummary>{title}</AccordionSummary>
      <AccordionDetails>
        <Box component="pre" sx={{ ...code, m: 0, overflowX: 'auto' }}>
          {JSON.stringify(schema, null, 2)}
        </Box>
      </AccordionDetails>
    </Accordion>
  )
}

/** One procedure: what it does, who may call it, an input to edit, Run, and the envelope that came back. */
export function ProcedureDetail({ path, callable }: { path: ProcedurePath; callable: boolean }) {
  const inputText = usePlayground((state) => state.inputText)
  const setInput = usePlayground((state) => state.setInput)
  const run = usePlayground((state) => state.run)
  const running = usePlayground((state) => state.running)
  const problem = usePlayground((state) => state.problem)
  const desktop = usePlayground((state) => state.desktop)
  const def = procedures[path]
  const schemas = procedureSchemas(path)
  return (
    <Stack spacing={2}>
      <Typography variant="h2" sx={{ fontFamily: 'monospace' }}>
        {path}
      </Typography>
      <Typography>{def.description}</Typography>
      <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
        <Chip label={def.kind === 'command' ? 'Command: changes data, audited' : 'Query: reads only'} />
        <Chip variant="outlined" label={`Who may call: ${whoMayCall(procedurePolicy[path])}`} />
      </Stack>
      {callable ? null : (
        <Alert severity="warning">
          Not available to your roles. Sent anyway, the gate would refuse it as FORBIDDEN.
        </Alert>
      )}
      <TextField
        label="Input (JSON)"
        value={inputText}
        onChange={(event) => setInput(event.target.value)}
        multiline
        minRows={6}
        maxRows={20}
        fullWidth
        slotProps={{ htmlInput: { spellCheck: false, sx: code } }}
      />
      <ProblemAlert message={problem} />
      <Stack direction="row" spacing={1}>
        <Button variant="contained" onClick={() => void run()} disabled={!callable || running}>
          {def.kind === 'command' ? 'Run…' : 'Run'}
        </Button>
      </Stack>
      <AnswerView />
      {desktop ? null : <CurlLine path={path} input={inputText} />}
      <div>
        <SchemaPanel title="Input schema (JSON Schema)" schema={schemas.input} />
        <SchemaPanel title="Output schema (JSON Schema)" schema={schemas.output} />
      </div>
      <ConfirmCommandDialog path={path} />
    </Stack>
  )
}
