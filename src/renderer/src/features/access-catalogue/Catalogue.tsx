import Checkbox from '@mui/material/Checkbox'
import FormControlLabel from '@mui/material/FormControlLabel'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import { useMemo, useState } from 'react'
import { ProblemAlert } from '../../ui/ProblemAlert'
import { CatalogueTable } from './parts/CatalogueTable'
import { ResourceDialog } from './parts/ResourceDialog'
import { RetireResourceDialog } from './parts/RetireResourceDialog'
import { useCatalogue, useResources } from './use-catalogue'

/** The administrator's catalogue: IT resources added, changed and retired; spaces listed as they come. */
export function Catalogue() {
  const { all, loaded } = useResources()
  const problem = useCatalogue((state) => state.problem)
  const dialog = useCatalogue((state) => state.dialog)
  const [search, setSearch] = useState('')
  const [showSpaces, setShowSpaces] = useState(false)
  const [showRetired, setShowRetired] = useState(false)
  const shown = useMemo(() => {
    const term = search.trim().toLowerCase()
    return all.filter(
      (resource) =>
        (showSpaces || resource.kind !== 'space') &&
        (showRetired || resource.retiredAt === null) &&
        (term === '' || `${resource.key} ${resource.name}`.toLowerCase().includes(term)),
    )
  }, [all, search, showSpaces, showRetired])
  return (
    <>
      <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 2 }}>
        <TextField
          type="search"
          label="Search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          margin="none"
          sx={{ width: 320 }}
        />
        <FormControlLabel
          label="Show spaces"
          control={<Checkbox checked={showSpaces} onChange={(event) => setShowSpaces(event.target.checked)} />}
        />
        <FormControlLabel
          label="Show retired"
          control={<Checkbox checked={showRetired} onChange={(event) => setShowRetired(event.target.checked)} />}
        />
      </Stack>
      <ProblemAlert message={problem} />
      <CatalogueTable resources={shown} loaded={loaded} />
      {dialog?.kind === 'create' ? <ResourceDialog key="new" resource={null} /> : null}
      {dialog?.kind === 'edit' ? <ResourceDialog key={dialog.resource.id} resource={dialog.resource} /> : null}
      {dialog?.kind === 'retire' ? <RetireResourceDialog key={dialog.resource.id} resource={dialog.resource} /> : null}
    </>
  )
}
