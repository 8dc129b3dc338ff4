import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import LinearProgress from '@mui/material/LinearProgress'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useEffect, useState } from 'react'
import { navigate } from '../../app/navigation/hash-route'
import { hrefFor } from '../../app/navigation/routes'
import { useServerNow } from '../../live/use-server-now'
import { ProblemAlert } from '../../ui/ProblemAlert'
import { worstLevel } from './card-severity'
import { enterFullScreen, leaveFullScreen } from './full-screen'
import { CardList } from './parts/BoardGrid'
import { CardConditionBand } from './parts/CardConditionBand'
import { cardsBySite, wallRotationMs } from './site-rotation'
import { wallZoom } from './wall-zoom'
import { useBoard } from './use-board'
import { formatTimeOfDay } from '../../format/time'

function useWindowSize(): { width: number; height: number } {
  const read = () => ({ width: window.innerWidth, height: window.innerHeight })
  const [size, setSize] = useState(read)
  useEffect(() => {
    const follow = () => setSize(read())
    window.addEventListener('resize', follow)
    return () => window.removeEventListener('resize', follow)
  }, [])
  return size
}

function useFullScreen(): boolean {
  const [full, setFull] = useState(() => document.fullscreenElement != null)
  useEffect(() => {
    const follow = () => setFull(document.fullscreenElement != null)
    document.addEventListener('fullscreenchange', follow)
    return () => document.removeEventListener('fullscreenchange', follow)
  }, [])
  return full
}

/**
 * The board for a dedicated display: no menu, the cards as large as the screen allows, and where
 * several sites have open permits, one site at a time in turn, while any other site's alarm stays
 * named at the top so nothing is hidden by the rotation.
 */
export function WallBoardPage() {
  const open = useBoard((state) => state.open)
  const cards = useBoard((state) => state.cards)
  const loaded = useBoard((state) => state.loaded)
  const problem = useBoard((state) => state.problem)
  const now = useServerNow()
  const full = useFullScreen()
  const screen = useWindowSize()
  const [turn, setTurn] = useState(0)
  useEffect(() => open(), [open])

  const sites = cardsBySite(cards)
  const rotating = sites.length > 1
  useEffect(() => {
    if (!rotating) return
    const timer = setInterval(() => setTurn((at) => at + 1), wallRotationMs)
    return () => clearInterval(timer)
  }, [rotating])

  const current = sites.length === 0 ? null : sites[turn % sites.length]
  const elsewhere = sites
    .filter((site) => site !== current)
    .map((site) => ({ site, level: worstLevel(site.cards) }))
    .filter(({ level }) => level !== 'none' && level !== 'low')
  const leave = () => {
    leaveFullScreen()
    navigate(hrefFor('board'))
  }
  return (
    <>
      <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1.5 }}>
        <Typography variant="h1" sx={{ whiteSpace: 'nowrap' }}>
          {current ? current.siteName : 'Board'}
        </Typography>
        {rotating && current ? (
          <Typography sx={{ fontSize: '1.25rem', color: 'text.secondary' }}>
            Site {(turn % sites.length) + 1} of {sites.length}
          </Typography>
        ) : null}
        {elsewhere.map(({ site, level }) => (
          <Box key={site.siteId} sx={{ maxWidth: 480 }}>
            <CardConditionBand condition={{ level, message: `Also at ${site.siteName}`, more: 0 }} />
          </Box>
        ))}
        <Box sx={{ flexGrow: 1 }} />
        <Typography sx={{ fontSize: '2rem', fontWeight: 700, fontVariantNumeric: 'tabular-nums' }}>
          {formatTimeOfDay(now)}
        </Typography>
        {full ? null : (
          <Button variant="outlined" onClick={enterFullScreen}>
            Full screen
          </Button>
        )}
        <Button variant="outlined" onClick={leave}>
          Leave wall mode
        </Button>
      </Stack>
      <ProblemAlert message={problem} />
      {!loaded ? <LinearProgress aria-label="Loading the board" /> : null}
      {loaded && cards.length === 0 ? (
        <Typography variant="h2" component="p">
          No open permits: nobody is working in a confined space.
        </Typography>
      ) : null}
      {current ? (
        // The header and the page's padding take about 100 pixels; the cards share the rest.
        <Box sx={{ zoom: wallZoom(current.cards.length, screen.width - 32, screen.height - 100) }}>
          <CardList cards={current.cards} />
        </Box>
      ) : null}
    </>
  )
}
