import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import MenuItem from '@mui/material/MenuItem'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import { useState } from 'react'
import type { FormEvent } from 'react'
import type { AuditFilter } from '../../../../../shared/contract/audit'
import { navigate } from '../../../app/navigation/hash-route'
import { workstationZone } from '../../../format/time'
import { auditHref, entityTypeLabels } from '../audit-filter'
import { namedRecordOf } from '../audit-record'
import { fromDraft, toDraft } from '../filter-draft'
import type { FilterDraft } from '../filter-draft'
import { ActionFilterField } from './ActionFilterField'
import { PersonFilterField } from './PersonFilterField'
import { useAudit } from '../use-audit'

const anyKind = ''

/**
 * What the trail is narrowed to. Applying puts the filter in the address (#/audit?...), so a
 * reload, Back and a shared link show the same entries; the page loads from there.
 */
export function AuditFilters({ filter }: { filter: AuditFilter }) {
  const resolveRecord = useAudit((state) => state.resolveRecord)
  // The record as the auditor named it (a permit's number), when that is the record filtered on.
  const named = namedRecordOf(
    useAudit((state) => state.recordNamed),
    filter,
  )
  const [draft, setDraft] = useState<FilterDraft>(() => ({
    ...toDraft(filter),
    ...(named ? { entityId: named.name } : {}),
  }))
  const [recordProblem, setRecordProblem] = useState<string | null>(null)
  const change = (part: Partial<FilterDraft>) => setDraft((current) => ({ ...current, ...part }))
  const zone = workstationZone()
  // A kind the page was linked with but does not know by name still shows, as its code.
  const kinds = draft.entityType && !(draft.entityType in entityTypeLabels) ? [draft.entityType] : []
  const apply = (event: FormEvent) => {
    event.preventDefault()
    void resolveRecord(fromDraft(draft)).then((choice) => {
      if ('problem' in choice) setRecordProblem(choice.problem)
      else navigate(auditHref(choice.filter))
    })
  }
  const recordNote = recordProblem ?? named?.note ?? null
  return (
    <Paper
      component="form"
      variant="outlined"
      role="search"
      aria-label="Filter the audit trail"
      noValidate
      onSubmit={apply}
      sx={{ p: 2, mb: 2 }}
    >
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(225px, 1fr))' }}>
        <PersonFilterField value={draft.actorId} onChange={(actorId) => change({ actorId })} />
        <ActionFilterField value={draft.action} onChange={(action) => change({ action })} />
        <TextField
          select
          label="Kind of record"
          value={draft.entityType}
          onChange={(event) => {
            setRecordProblem(null)
            change({ entityType: event.target.value })
          }}
          margin="none"
        >
          <MenuItem value={anyKind}>Any kind</MenuItem>
          {Object.entries(entityTypeLabels).map(([type, label]) => (
            <MenuItem key={type} value={type}>
              {label}
            </MenuItem>
          ))}
          {kinds.map((type) => (
            <MenuItem key={type} value={type}>
              {type}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          label="Record"
          // Shown on focus: what the entries show the record as, or its id.
          placeholder="number, tag, username or id"
          value={draft.entityId}
          onChange={(event) => {
            setRecordProblem(null)
            change({ entityId: event.target.value })
          }}
          error={recordProblem !== null}
          helperText={recordNote}
          margin="none"
          slotProps={{ htmlInput: { maxLength: 80 } }}
        />
        <TextField
          label={`From (${zone})`}
          type="datetime-local"
          value={draft.from}
          onChange={(event) => change({ from: event.target.value })}
          margin="none"
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          label={`To (${zone})`}
          type="datetime-local"
          value={draft.to}
          onChange={(event) => change({ to: event.target.value })}
          margin="none"
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          label="Words in the entry"
          // Shown on focus: every word must be there, and a word ending in * matches its beginning.
          placeholder="every word; seal* for a beginning"
          value={draft.text}
          onChange={(event) => change({ text: event.target.value })}
          margin="none"
          slotProps={{ htmlInput: { maxLength: 200 } }}
        />
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Button type="submit" variant="contained">
            Apply filter
          </Button>
          <Button
            type="button"
            onClick={() => {
              setDraft(toDraft({}))
              navigate(auditHref({}))
            }}
          >
            Clear
          </Button>
        </Stack>
      </Box>
    </Paper>
  )
}
