import MenuItem from '@mui/material/MenuItem'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import { permitStateLabels, permitStates } from '../../../../../shared/domain/permit-lifecycle'
import type { PermitState } from '../../../../../shared/domain/permit-lifecycle'
import { SiteFilterField } from '../../../ui/SiteFilterField'
import { useBoard } from '../use-board'

// The board holds every permit that is not closed or cancelled.
const boardStates = permitStates.filter((state) => state !== 'closed' && state !== 'cancelled')
const all = 'all'

export function BoardFilters() {
  const sites = useBoard((state) => state.sites)
  const filters = useBoard((state) => state.filters)
  const setFilters = useBoard((state) => state.setFilters)
  return (
    <Stack direction="row" spacing={2} sx={{ width: 480, maxWidth: '100%' }}>
      <SiteFilterField
        sites={sites}
        siteId={filters.siteId}
        onChange={(siteId) => setFilters({ siteId })}
        sx={{ flex: 1 }}
        size="small"
      />
      <TextField
        select
        label="State"
        value={filters.state ?? all}
        onChange={(event) =>
          setFilters({ state: event.target.value === all ? null : (event.target.value as PermitState) })
        }
        margin="none"
        size="small"
        sx={{ flex: 1 }}
      >
        <MenuItem value={all}>All open states</MenuItem>
        {boardStates.map((state) => (
          <MenuItem key={state} value={state}>
            {permitStateLabels[state]}
          </MenuItem>
        ))}
      </TextField>
    </Stack>
  )
}
