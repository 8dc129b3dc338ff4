import Button from '@mui/material/Button'
import { useEffect } from 'react'
import { PageHeader } from '../../ui/PageHeader'
import { ProblemAlert } from '../../ui/ProblemAlert'
import { useMayCall } from '../session/use-access'
import { SpaceDialogs } from './parts/SpaceDialogs'
import { SpaceFilters } from './parts/SpaceFilters'
import { SpacesTable } from './parts/SpacesTable'
import { useSpaces } from './use-spaces'

export function SpacesPage() {
  const open = useSpaces((state) => state.open)
  const openDialog = useSpaces((state) => state.openDialog)
  const problem = useSpaces((state) => state.problem)
  const mayCreate = useMayCall('spaces.create')
  useEffect(() => open(), [open])
  return (
    <>
      <PageHeader
        title="Spaces"
        actions={
          mayCreate ? (
            <Button variant="contained" onClick={() => openDialog({ kind: 'create' })}>
              New space
            </Button>
          ) : undefined
        }
      />
      <SpaceFilters />
      <ProblemAlert message={problem} />
      <SpacesTable />
      <SpaceDialogs />
    </>
  )
}
