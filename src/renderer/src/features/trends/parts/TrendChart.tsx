import Box from '@mui/material/Box'
import LinearProgress from '@mui/material/LinearProgress'
import Typography from '@mui/material/Typography'
import { useEffect, useMemo, useRef, useState } from 'react'
import { ProblemAlert } from '../../../ui/ProblemAlert'
import { plotWidthOf } from '../trend-geometry'
import { gasPanels } from '../trend-panels'
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

/** Four panels fit a 1080-line screen under the page's header; on 768 lines each keeps a readable height. */
function usePanelHeight(): number {
  const [height, setHeight] = useState(() => window.innerHeight)
  useEffect(() => {
    const onResize = () => setHeight(window.innerHeight)
    window.addEventListener('resize', onResize)
    return () => window.removeEventListener('resize', onResize)
  }, [])
  return Math.round(Math.min(220, Math.max(120, (height - 430) / 4)))
}

/** Laid out at this width where nothing measures (jsdom), so the panels still render. */
const unmeasuredWidth = 1200

/**
 * The four gases as aligned panels over one time axis, with the window's controls above and the
 * legend below. It shows what the trends store holds; the store reads and follows the data.
 */
export function TrendChart() {
  const trend = useTrends((state) => state.trend)
  const loading = useTrends((state) => state.loading)
  const problem = useTrends((state) => state.problem)
  const measure = useTrends((state) => state.measure)
  const zoom = useTrends((state) => state.zoom)
  const [stack, measured] = useWidth<HTMLDivElement>()
  const width = measured > 0 ? measured : unmeasuredWidth
  const plotWidth = plotWidthOf(width)
  const height = usePanelHeight()
  useEffect(() => measure(plotWidth), [measure, plotWidth])
  const panels = useMemo(() => (trend ? gasPanels(trend) : null), [trend])

  return (
    <Box>
      <TrendToolbar />
      <ProblemAlert message={problem} />
      <Box sx={{ height: 4, mb: 1 }}>{loading ? <LinearProgress aria-label="Loading the trend" /> : null}</Box>
      {trend && panels && trend.series.length === 0 && !loading ? (
        <Typography sx={{ color: 'text.secondary', mb: 1 }}>No readings in this window.</Typography>
      ) : null}
      <Box ref={stack} sx={{ position: 'relative', minWidth: 0 }} aria-busy={loading}>
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
              />
            ))}
            <PointerLayer panels={panels} trend={trend} plotWidth={plotWidth} onZoom={zoom} />
          </>
        ) : (
          <Box sx={{ height: height * 4 }} />
        )}
      </Box>
      {panels ? <TrendLegend panels={panels} /> : null}
    </Box>
  )
}
