import Checkbox from '@mui/material/Checkbox'
import FormControl from '@mui/material/FormControl'
import FormControlLabel from '@mui/material/FormControlLabel'
import FormGroup from '@mui/material/FormGroup'
import FormHelperText from '@mui/material/FormHelperText'
import FormLabel from '@mui/material/FormLabel'
import { roleLabels, roles } from '../../../../../shared/contract/roles'
import type { Role } from '../../../../../shared/contract/roles'

export function RoleCheckboxes({
  value,
  onChange,
  issue,
}: {
  value: readonly Role[]
  onChange(roles: Role[]): void
  issue: string | undefined
}) {
  const toggle = (role: Role, checked: boolean) =>
    // Kept in contract order so the saved list reads the same however it was ticked.
    onChange(roles.filter((candidate) => (candidate === role ? checked : value.includes(candidate))))
  return (
    <FormControl component="fieldset" error={issue !== undefined} margin="normal" data-field="roles">
      <FormLabel component="legend">Roles</FormLabel>
      <FormGroup sx={{ display: 'grid', gridTemplateColumns: { sm: '1fr 1fr' } }}>
        {roles.map((role) => (
          <FormControlLabel
            key={role}
            label={roleLabels[role]}
            control={
              <Checkbox checked={value.includes(role)} onChange={(event) => toggle(role, event.target.checked)} />
            }
          />
        ))}
      </FormGroup>
      {issue ? <FormHelperText>{issue}</FormHelperText> : null}
    </FormControl>
  )
}
