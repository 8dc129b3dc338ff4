import Autocomplete from '@mui/material/Autocomplete'
import Checkbox from '@mui/material/Checkbox'
import FormControlLabel from '@mui/material/FormControlLabel'
import MenuItem from '@mui/material/MenuItem'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import { gases, gasInfo } from '../../../../../shared/domain/gases'
import { fromLocalInput, toLocalInput } from '../../../format/local-datetime'
import { useAlarmList } from '../use-alarm-list'

const anyGas = 'any'

/** A bound of the time range: an incomplete date and time is no bound yet. */
function TimeBound({
  label,
  value,
  onChange,
}: {
  label: string
  value: number | null
  onChange(value: number | null): void
}) {
  return (
    <TextField
      label={label}
      type="datetime-local"
      value={value === null ? '' : toLocalInput(value)}
      onChange={(event) => {
        // While a date is half typed the input reads empty; that changes nothing yet.
        const bound = fromLocalInput(event.target.value)
        if (bound !== value) onChange(bound)
      }}
      margin="none"
      slotProps={{ inputLabel: { shrink: true } }}
      sx={{ width: 230 }}
    />
  )
}

export function AlarmFiltersBar() {
  const filters = useAlarmList((state) => state.filters)
  const permits = useAlarmList((state) => state.permits)
  const spaces = useAlarmList((state) => state.spaces)
  const setFilters = useAlarmList((state) => state.setFilters)
  const permit = permits.find((candidate) => candidate.id === filters.permitId) ?? null
  const space = spaces.find((candidate) => candidate.id === filters.spaceId) ?? null
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 2 }}>
      <FormControlLabel
        label="Open only"
        control={
          <Checkbox checked={filters.openOnly} onChange={(event) => setFilters({ openOnly: event.target.checked })} />
        }
      />
      <FormControlLabel
        label="Not acknowledged only"
        control={
          <Checkbox
            checked={filters.unacknowledgedOnly}
            onChange={(event) => setFilters({ unacknowledgedOnly: event.target.checked })}
          />
        }
      />
      <Autocomplete
        options={permits}
        value={permit}
        onChange={(_event, chosen) => setFilters({ permitId: chosen?.id ?? null })}
        getOptionLabel={(option) => `${option.number} — ${option.spaceName}`}
        isOptionEqualToValue={(option, chosen) => option.id === chosen.id}
        renderInput={(params) => <TextField {...params} label="Permit" margin="none" />}
        sx={{ width: 300 }}
      />
      <Autocomplete
        options={spaces}
        value={space}
        onChange={(_event, chosen) => setFilters({ spaceId: chosen?.id ?? null })}
        getOptionLabel={(option) => `${option.tag} — ${option.name}`}
        isOptionEqualToValue={(option, chosen) => option.id === chosen.id}
        renderInput={(params) => <TextField {...params} label="Space" margin="none" />}
        sx={{ width: 260 }}
      />
      <TextField
        select
        label="Gas"
        value={filters.gas ?? anyGas}
        onChange={(event) => setFilters({ gas: gases.find((gas) => gas === event.target.value) ?? null })}
        margin="none"
        sx={{ width: 130 }}
      >
        <MenuItem value={anyGas}>Any gas</MenuItem>
        {gases.map((gas) => (
          <MenuItem key={gas} value={gas}>
            {gasInfo[gas].symbol}
          </MenuItem>
        ))}
      </TextField>
      <TimeBound label="Raised from" value={filters.from} onChange={(from) => setFilters({ from })} />
      <TimeBound label="Raised to" value={filters.to} onChange={(to) => setFilters({ to })} />
    </Stack>
  )
}
