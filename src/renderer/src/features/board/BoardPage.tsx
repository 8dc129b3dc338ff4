import Button from '@mui/material/Button'
import { useEffect, useState } from 'react'
import { newPermitHref } from '../../app/navigation/routes'
import { formatTime } from '../../format/time'
import { PageHeader } from '../../ui/PageHeader'
import { ProblemAlert } from '../../ui/ProblemAlert'
import { useMayCall } from '../session/use-access'
import { BoardFilters } from './parts/BoardFilters'
import { BoardGrid } from './parts/BoardGrid'
import { EvacuateAllDialog } from './parts/EvacuateAllDialog'
import { useBoard } from './use-board'

export function BoardPage() {
  const open = useBoard((state) => state.open)
  const problem = useBoard((state) => state.problem)
  const loadedAt = useBoard((state) => state.loadedAt)
  const mayCreate = useMayCall('permits.create')
  const mayEvacuate = useMayCall('evacuations.order')
  const [evacuating, setEvacuating] = useState(false)
  // An empty board offers its own New permit button.
  const empty = useBoard((state) => state.loaded && state.cards.length === 0)
  // People may be inside where the state filter shows no card; they can still be called out.
  const evacuable = useBoard((state) => state.peopleInside > 0 || state.cards.length > 0)
  useEffect(() => open(), [open])
  return (
    <>
      <PageHeader
        title="Board"
        actions={
          <>
            {mayEvacuate && evacuable ? (
              <Button variant="contained" color="error" onClick={() => setEvacuating(true)}>
                Evacuate all
              </Button>
            ) : null}
            {mayCreate && !empty ? (
              <Button variant="contained" href={newPermitHref}>
                New permit
              </Button>
            ) : null}
          </>
        }
      />
      {evacuating ? <EvacuateAllDialog onClose={() => setEvacuating(false)} /> : null}
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
