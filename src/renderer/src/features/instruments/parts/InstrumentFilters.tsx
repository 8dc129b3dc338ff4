import MenuItem from '@mui/material/MenuItem'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import { useInstruments } from '../use-instruments'

const all = 'all'

export function InstrumentFilters() {
  const search = useInstruments((state) => state.search)
  const siteId = useInstruments((state) => state.siteId)
  const sites = useInstruments((state) => state.sites)
  const setSearch = useInstruments((state) => state.setSearch)
  const setSite = useInstruments((state) => state.setSite)
  return (
    <Stack direction="row" spacing={2} sx={{ mb: 2 }}>
      <TextField
        label="Search serial, name or model"
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
    </Stack>
  )
}
