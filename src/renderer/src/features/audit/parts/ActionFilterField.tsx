import Autocomplete from '@mui/material/Autocomplete'
import TextField from '@mui/material/TextField'

/** The families of actions, each with what it covers; an exact action (`permit.close`) may be typed too. */
const families: { family: string; covers: string }[] = [
  { family: 'auth', covers: 'sign-ins, sign-outs, sessions' },
  { family: 'user', covers: 'accounts and their roles' },
  { family: 'permit', covers: 'permits through their life' },
  { family: 'entry', covers: 'entries into spaces' },
  { family: 'exit', covers: 'exits from spaces' },
  { family: 'attendant', covers: 'attendants on and off duty' },
  { family: 'alarm', covers: 'alarms raised and answered' },
  { family: 'evacuation', covers: 'evacuations ordered' },
  { family: 'handover', covers: 'shift handovers' },
  { family: 'access.request', covers: 'access requests and decisions' },
  { family: 'access.grant', covers: 'access grants' },
  { family: 'access.review', covers: 'access reviews' },
  { family: 'audit', covers: 'checkpoints and exports' },
  { family: 'system', covers: 'backups' },
  { family: 'site', covers: 'sites' },
  { family: 'space', covers: 'spaces' },
  { family: 'instrument', covers: 'gas monitors' },
  { family: 'device', covers: 'field devices' },
]

/** An action or a family of them: free text, with the families offered as one types. */
export function ActionFilterField({ value, onChange }: { value: string; onChange(action: string): void }) {
  return (
    <Autocomplete
      freeSolo
      options={families.map((option) => option.family)}
      inputValue={value}
      onInputChange={(_event, typed) => onChange(typed)}
      renderOption={({ key, ...props }, family) => (
        <li key={key} {...props}>
          {family} — {families.find((option) => option.family === family)?.covers}
        </li>
      )}
      renderInput={(params) => (
        <TextField
          {...params}
          label="Action or family"
          margin="none"
          slotProps={{ ...params.slotProps, htmlInput: { ...params.slotProps.htmlInput, maxLength: 80 } }}
        />
      )}
    />
  )
}
