import MenuItem from '@mui/material/MenuItem'
import type { ReactNode } from 'react'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import { useResources } from '../../access-catalogue/use-catalogue'
import { useQueue } from '../use-queue'

const anyResource = 'any'

/** Narrow the queue to one resource, or to requests whose person, resource or words match. */
export function QueueFilters({ children }: { children?: ReactNode }) {
  const resourceId = useQueue((state) => state.resourceId)
  const search = useQueue((state) => state.search)
  const setResource = useQueue((state) => state.setResource)
  const setSearch = useQueue((state) => state.setSearch)
  const { open } = useResources()
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 2 }}>
      <TextField
        select
        label="Resource"
        value={resourceId === null ? anyResource : String(resourceId)}
        onChange={(event) => setResource(event.target.value === anyResource ? null : Number(event.target.value))}
        margin="none"
        size="small"
        sx={{ width: 320 }}
      >
        <MenuItem value={anyResource}>Every resource</MenuItem>
        {open.map((resource) => (
          <MenuItem key={resource.id} value={String(resource.id)}>
            {resource.key} — {resource.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        type="search"
        label="Search"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        margin="none"
        placeholder="Person, resource, level or justification"
        size="small"
        sx={{ width: 360 }}
      />
      {children}
    </Stack>
  )
}
