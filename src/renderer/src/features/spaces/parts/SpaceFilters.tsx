import Checkbox from '@mui/material/Checkbox'
import FormControlLabel from '@mui/material/FormControlLabel'
import MenuItem from '@mui/material/MenuItem'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import { useSpaces } from '../use-spaces'

const all = 'all'

export function SpaceFilters() {
  const search = useSpaces((state) => state.search)
  const siteId = useSpaces((state) => state.siteId)
  const includeRetired = useSpaces((state) => state.includeRetired)
  const sites = useSpaces((state) => state.sites)
  const setSearch = useSpaces((state) => state.setSearch)
  const setSite = useSpaces((state) => state.setSite)
  const setIncludeRetired = useSpaces((state) => state.setIncludeRetired)
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' }, mb: 2 }}>
      <TextField
        label="Search spaces"
        type="search"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        margin="none"
        sx={{ maxWidth: 360 }}
      />
      <TextField
        select
        label="Site"
        value={siteId === null ? all : String(siteId)}
        onChange={(event) => setSite(event.target.value === all ? null : Number(event.target.value))}
        margin="none"
        sx={{ maxWidth: 280 }}
      >
        <MenuItem value={all}>All sites</MenuItem>
        {sites.map((site) => (
          <MenuItem key={site.id} value={String(site.id)}>
            {site.name}
          </MenuItem>
        ))}
      </TextField>
      <FormControlLabel
        label="Include retired"
        control={<Checkbox checked={includeRetired} onChange={(event) => setIncludeRetired(event.target.checked)} />}
      />
    </Stack>
  )
}
