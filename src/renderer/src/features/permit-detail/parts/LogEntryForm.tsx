import Button from '@mui/material/Button'
import MenuItem from '@mui/material/MenuItem'
import Stack from '@mui/material/Stack'
import { useState } from 'react'
import type { FormEvent, RefObject } from 'react'
import type { PermitDetailDto } from '../../../../../shared/contract/permits'
import { IssueTextField } from '../../../ui/IssueTextField'
import { personRefOf } from '../person-ref'
import { usePermit } from '../use-permit'

/**
 * Logs an authorized entrant going in; the server checks every entry condition and may refuse.
 * Once one is in, the picker is empty and focused again, ready for the next person.
 */
export function LogEntryForm({
  detail,
  entrantRef,
}: {
  detail: PermitDetailDto
  entrantRef: RefObject<HTMLInputElement | null>
}) {
  const pending = usePermit((state) => state.entryPending)
  const problem = usePermit((state) => state.entryProblem)
  const recordEntry = usePermit((state) => state.recordEntry)
  const [key, setKey] = useState('')
  const insideKeys = new Set(detail.card.inside.map((person) => person.key))
  const outside = detail.entrants.filter((entrant) => !insideKeys.has(entrant.key))
  const chosen = outside.find((entrant) => entrant.key === key) ?? null

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const recorded = await recordEntry(chosen ? personRefOf(chosen) : null, chosen?.name ?? '')
    if (recorded) setKey('')
    // Ready for the next person, or for choosing one; a refusal leaves focus on the button, its alert read out.
    if (recorded || !chosen) entrantRef.current?.focus()
  }
  return (
    <Stack
      component="form"
      aria-label="Log an entry"
      noValidate
      onSubmit={(event) => void submit(event)}
      direction="row"
      spacing={2}
      sx={{ alignItems: 'flex-start' }}
    >
      <IssueTextField
        select
        field="person"
        label="Entrant"
        value={chosen ? key : ''}
        onChange={setKey}
        inputRef={entrantRef}
        problem={problem}
        hint={outside.length === 0 ? 'Every authorized entrant is inside.' : 'Authorized entrants who are outside.'}
        warning={
          chosen?.deactivated ? `${chosen.name}’s account is deactivated: the entry will be refused.` : undefined
        }
      >
        {outside.map((entrant) => (
          <MenuItem key={entrant.key} value={entrant.key}>
            {entrant.deactivated ? `${entrant.name} (account deactivated)` : entrant.name}
          </MenuItem>
        ))}
      </IssueTextField>
      <Button type="submit" variant="contained" disabled={pending} sx={{ mt: 2, whiteSpace: 'nowrap' }}>
        Log entry
      </Button>
    </Stack>
  )
}
