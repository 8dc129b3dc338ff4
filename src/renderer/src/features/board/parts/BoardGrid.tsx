import Box from '@mui/material/Box'
import LinearProgress from '@mui/material/LinearProgress'
import { styled } from '@mui/material/styles'
import { useMemo, useState } from 'react'
import type { PermitCardDto } from '../../../../../shared/contract/permits'
import { boardOrder } from '../board-order'
import { useBoard } from '../use-board'
import { EmptyBoard } from './EmptyBoard'
import { PermitCard } from './PermitCard'
import { PermitDrawer } from './PermitDrawer'

/** Narrow enough for six cards beside the menu at 1920 pixels, four at 1366, seven on a wall. */
const cardMinWidth = 256

const CardGrid = styled('section')(({ theme }) => ({
  display: 'grid',
  gap: theme.spacing(1.5),
  gridTemplateColumns: `repeat(auto-fill, minmax(${String(cardMinWidth)}px, 1fr))`,
  alignItems: 'stretch',
}))

/** The cards, worst first, and the details of one in a drawer. */
export function CardList({ cards }: { cards: readonly PermitCardDto[] }) {
  const ordered = useMemo(() => boardOrder(cards), [cards])
  const [detailsOf, setDetailsOf] = useState<number | null>(null)
  const shown = detailsOf === null ? null : (cards.find((card) => card.id === detailsOf) ?? null)
  return (
    <>
      <CardGrid aria-label="Permits">
        {ordered.map((card) => (
          <PermitCard key={card.id} card={card} onDetails={setDetailsOf} />
        ))}
      </CardGrid>
      <PermitDrawer card={shown} onClose={() => setDetailsOf(null)} />
    </>
  )
}

export function BoardGrid() {
  const cards = useBoard((state) => state.cards)
  const loaded = useBoard((state) => state.loaded)
  const loading = useBoard((state) => state.loading)
  return (
    <Box>
      {loading && !loaded ? <LinearProgress aria-label="Loading the board" /> : null}
      {loaded && cards.length === 0 ? <EmptyBoard /> : null}
      <CardList cards={cards} />
    </Box>
  )
}
