import Autocomplete from '@mui/material/Autocomplete'
import TextField from '@mui/material/TextField'
import { useEffect } from 'react'
import { useDatalogImport } from '../use-datalog-import'

/** For a file without a permit column: the permit all its readings belong to (the register's newest 200). */
export function PermitChoice({ disabled }: { disabled: boolean }) {
  const permits = useDatalogImport((state) => state.permits)
  const permitId = useDatalogImport((state) => state.permitId)
  const loadPermits = useDatalogImport((state) => state.loadPermits)
  const setPermit = useDatalogImport((state) => state.setPermit)
  useEffect(() => void loadPermits(), [loadPermits])
  return (
    <Autocomplete
      options={permits}
      value={permits.find((permit) => permit.id === permitId) ?? null}
      onChange={(_event, value) => setPermit(value?.id ?? null)}
      getOptionLabel={(permit) => `${permit.permitNumber} — ${permit.spaceName} (${permit.status})`}
      isOptionEqualToValue={(a, b) => a.id === b.id}
      disabled={disabled}
      renderInput={(params) => (
        <TextField
          {...params}
          label="Permit of every reading"
          // A disabled helper text is too faint to read (WCAG contrast): said only while it can be acted on.
          helperText={disabled ? undefined : 'The file has no permit column.'}
          required
        />
      )}
      sx={{ maxWidth: 480, mb: 2 }}
    />
  )
}
