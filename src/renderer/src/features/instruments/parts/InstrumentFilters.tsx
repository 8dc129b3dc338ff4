import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import { SiteFilterField } from '../../../ui/SiteFilterField'
import { useInstruments } from '../use-instruments'

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
      <SiteFilterField sites={sites} siteId={siteId} onChange={setSite} sx={{ maxWidth: 280 }} />
    </Stack>
  )
}
