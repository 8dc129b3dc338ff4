import Autocomplete from '@mui/material/Autocomplete'
import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { useEffect, useState } from 'react'
import { permitHref } from '../../../app/navigation/routes'
import { Section } from '../../../ui/Section'
import type { RegisterRow } from '../evidence-store'
import { useEvidence } from '../use-evidence'
import { PackResult } from './PackResult'

/** A permit's evidence pack from its number; the printed permit goes in when written from the print view. */
export function PermitPackForm() {
  const permits = useEvidence((state) => state.choices)
  const loadChoices = useEvidence((state) => state.loadChoices)
  const writing = useEvidence((state) => state.writing === 'permit')
  const permitPack = useEvidence((state) => state.permitPack)
  const [chosen, setChosen] = useState<RegisterRow | null>(null)
  useEffect(() => void loadChoices(), [loadChoices])
  return (
    <Section title="A permit’s evidence pack">
      <Typography sx={{ mb: 2 }}>
        The full record as JSON (every (f) field, the signature, timeline, tests, readings summary, alarms, entries and
        exits, attendants, linked access grants), the audit entries that touched it with a signed checkpoint, and
        SHA-256 sums. To include the printed permit as PDF, write the pack from the permit’s print view on the desktop.
      </Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
        <Autocomplete
          options={permits}
          value={chosen}
          onChange={(_event, value) => setChosen(value)}
          getOptionLabel={(p) => `${p.permitNumber} — ${p.spaceName} (${p.status})`}
          isOptionEqualToValue={(a, b) => a.id === b.id}
          renderInput={(params) => <TextField {...params} label="Permit" />}
          sx={{ minWidth: 380 }}
        />
        <Button variant="contained" disabled={!chosen || writing} onClick={() => chosen && void permitPack(chosen.id)}>
          {writing ? 'Writing…' : 'Write the evidence pack'}
        </Button>
        {chosen ? (
          <Button variant="text" href={permitHref(chosen.id, 'print')}>
            Open its print view
          </Button>
        ) : null}
      </Stack>
      <PackResult kind="permit" />
    </Section>
  )
}
