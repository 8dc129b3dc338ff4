import Box from '@mui/material/Box'
import LinearProgress from '@mui/material/LinearProgress'
import Typography from '@mui/material/Typography'
import { useEffect, useMemo, useRef, useState } from 'react'
import type { ReactNode } from 'react'
import { ProblemAlert } from '../../../ui/ProblemAlert'
import { plotWidthOf, timeAxisHeight } from '../trend-geometry'
import { gasPanels } from '../trend-panels'
import { timeTicks } from '../trend-time-ticks'
import { useTrends } from '../use-trends'
import { GasPanelChart } from './GasPanelChart'
import { PointerLayer } from './PointerLayer'
import { TrendLegend } from './TrendLegend'
import { TrendToolbar } from './TrendToolbar'

/** Resizing settles before the chart asks again for its new number of pixel columns. */
const resizeSettleMs = 250

/** The width of an element, following resizes (jsdom, which lays nothing out, reads 0). */
function useWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null)
  const [width, setWidth] = useState(0)
  useEffect(() => {
    const element = ref.current
    if (!element) return
    setWidth(element.clientWidth)
    if (typeof ResizeObserver === 'undefined') return
    let timer: ReturnType<typeof setTimeout> | undefined
    const observer = new ResizeObserver(() => {
      clearTimeout(timer)
      timer = setTimeout(() => setWidth(element.clientWidth), resizeSettleMs)
    })
    observer.observe(element)
    return () => {
      clearTimeout(timer)
      observer.disconnect()
    }
  }, [])
  return [ref, width]
}

const legendPx = 48

/**
 * On the Gas page the four panels share what is left of the screen below the stack's top (at
 * least a readable height each, the page scrolls past that); elsewhere they keep one height.
 */
function usePanelHeight(stack: React.RefObject<HTMLElement | null>, fit: boolean, drawn: boolean): number {
  const [available, setAvailable] = useState<number | null>(null)
  useEffect(() => {
    if (!fit) return
    const measure = () => {
      const top = (stack.current?.getBoundingClientRect().top ?? 0) + window.scrollY
      setAvailable(window.innerHeight - top - legendPx - timeAxisHeight)
    }
    measure()
    window.addEventListener('resize', measure)
    return () => window.removeEventListener('resize', measure)
  }, [fit, stack, drawn])
  if (!fit || available === null) return fixedPanelPx
  return Math.round(Math.min(220, Math.max(100, available / 4)))
}

const fixedPanelPx = 150

/** Laid out at this width where nothing measures (jsdom), so the panels still render. */
const unmeasuredWidth = 1200

/**
 * The four gases as aligned panels over one time axis, with the window's controls above and the
 * legend below. It shows what the trends store holds; the store reads and follows the data.
 */
export function TrendChart({ lead, fit = false }: { lead?: ReactNode; fit?: boolean }) {
  const trend = useTrends((state) => state.trend)
  const loading = useTrends((state) => state.loading)
  const problem = useTrends((state) => state.problem)
  const measure = useTrends((state) => state.measure)
  const zoom = useTrends((state) => state.zoom)
  const [stack, measured] = useWidth<HTMLDivElement>()
  const width = measured > 0 ? measured : unmeasuredWidth
  const plotWidth = plotWidthOf(width)
  // Measured again once drawn: the controls above the panels arrive with the first trend.
  const height = usePanelHeight(stack, fit, trend !== null)
  // Asked for once the width is known: a first query at a guessed width would be thrown away.
  const known = measured > 0 || typeof ResizeObserver === 'undefined'
  useEffect(() => {
    if (known) measure(plotWidth)
  }, [measure, plotWidth, known])
  const panels = useMemo(() => (trend ? gasPanels(trend) : null), [trend])
  const from = trend?.from ?? 0
  const to = trend?.to ?? 0
  const ticks = useMemo(() => timeTicks(from, to, Math.floor(plotWidth / 90)), [from, to, plotWidth])

  return (
    <Box>
      <TrendToolbar lead={lead} />
      <ProblemAlert message={problem} />
      <Box sx={{ height: 4, mb: 1 }}>{loading ? <LinearProgress aria-label="Loading the trend" /> : null}</Box>
      {trend && panels && trend.series.length === 0 && !loading ? (
        <Typography sx={{ color: 'text.secondary', mb: 1 }}>No readings in this window.</Typography>
      ) : null}
      <Box
        ref={stack}
        role="group"
        aria-label={trend?.title ?? 'Gas trends'}
        aria-busy={loading}
        sx={{ position: 'relative', minWidth: 0 }}
      >
        {trend && panels ? (
          <>
            {panels.map((panel, index) => (
              <GasPanelChart
                key={panel.gas}
                panel={panel}
                occupied={trend.occupied}
                from={trend.from}
                to={trend.to}
                width={width}
                height={height}
                timeLabels={index === panels.length - 1}
                ticks={ticks}
              />
            ))}
            <PointerLayer panels={panels} trend={trend} plotWidth={plotWidth} onZoom={zoom} />
          </>
        ) : (
          <Box sx={{ height: height * 4 + timeAxisHeight }} />
        )}
      </Box>
      {panels && trend ? <TrendLegend panels={panels} occupied={trend.occupied.length > 0} /> : null}
    </Box>
  )
}
