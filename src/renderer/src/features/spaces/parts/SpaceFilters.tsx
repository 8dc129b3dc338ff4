import Checkbox from '@mui/material/Checkbox'
import FormControlLabel from '@mui/material/FormControlLabel'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import { SiteFilterField } from '../../../ui/SiteFilterField'
import { useSpaces } from '../use-spaces'

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
      <SiteFilterField sites={sites} siteId={siteId} onChange={setSite} sx={{ maxWidth: 280 }} />
      <FormControlLabel
        label="Include retired"
        control={<Checkbox checked={includeRetired} onChange={(event) => setIncludeRetired(event.target.checked)} />}
      />
    </Stack>
  )
}
