import Button from '@mui/material/Button'
import { useEffect } from 'react'
import { newPermitHref } from '../../app/navigation/routes'
import { formatTime } from '../../format/time'
import { PageHeader } from '../../ui/PageHeader'
import { ProblemAlert } from '../../ui/ProblemAlert'
import { useMayCall } from '../session/use-access'
import { BoardFilters } from './parts/BoardFilters'
import { BoardGrid } from './parts/BoardGrid'
import { useBoard } from './use-board'

export function BoardPage() {
  const open = useBoard((state) => state.open)
  const problem = useBoard((state) => state.problem)
  const loadedAt = useBoard((state) => state.loadedAt)
  const mayCreate = useMayCall('permits.create')
  // An empty board offers its own New permit button.
  const empty = useBoard((state) => state.loaded && state.cards.length === 0)
  useEffect(() => open(), [open])
  return (
    <>
      <PageHeader
        title="Board"
        actions={
          mayCreate && !empty ? (
            <Button variant="contained" href={newPermitHref}>
              New permit
            </Button>
          ) : undefined
        }
      />
      <BoardFilters />
      <ProblemAlert
        message={
          problem && loadedAt !== null
            ? `${problem} The cards below are as of ${formatTime(loadedAt)} and may be out of date.`
            : problem
        }
      />
      <BoardGrid />
    </>
  )
}
