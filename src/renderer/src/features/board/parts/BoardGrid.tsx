import Box from '@mui/material/Box'
import LinearProgress from '@mui/material/LinearProgress'
import { styled } from '@mui/material/styles'
import { useMemo } from 'react'
import { boardOrder } from '../board-order'
import { useBoard } from '../use-board'
import { EmptyBoard } from './EmptyBoard'
import { PermitCard } from './PermitCard'

const CardGrid = styled('div')(({ theme }) => ({
  display: 'grid',
  gap: theme.spacing(2),
  gridTemplateColumns: 'repeat(auto-fill, minmax(380px, 1fr))',
  alignItems: 'start',
}))

export function BoardGrid() {
  const cards = useBoard((state) => state.cards)
  const loaded = useBoard((state) => state.loaded)
  const loading = useBoard((state) => state.loading)
  const ordered = useMemo(() => boardOrder(cards), [cards])
  return (
    <Box>
      {loading && !loaded ? <LinearProgress aria-label="Loading the board" /> : null}
      {loaded && cards.length === 0 ? <EmptyBoard /> : null}
      <CardGrid aria-label="Permits">
        {ordered.map((card) => (
          <PermitCard key={card.id} card={card} />
        ))}
      </CardGrid>
    </Box>
  )
}
