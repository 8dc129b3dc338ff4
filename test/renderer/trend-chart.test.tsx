import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { TrendDto, TrendQueryInput } from '../../src/shared/contract/trends'
import { noAlarms } from './support/alarm-fixtures'
import { aUser } from './support/fixtures'
import { FakeTransport, ok } from './support/fake-transport'
import { aCard } from './support/permit-fixtures'
import { renderApp, scriptSignedIn } from './support/render-app'

const minute = 60_000

type Reading = [number, number | null]

/**
 * The readings the fake server holds for permit 7, at times before `now`: O2 from two monitors,
 * the second silent for a while (the null point the server puts in a gap), H2S from one with a
 * spike; with the permit's bands, one alarm and one stay inside. A query gets what falls in its window.
 */
function serverOf(now: number) {
  const ago = (hours: number) => now - hours * 60 * minute
  const held = {
    o2a: [
      [ago(7), 20.9],
      [ago(4), 20.8],
      [ago(1), 20.9],
    ] as Reading[],
    o2b: [
      [ago(7), 20.7],
      [ago(5.5), 20.6],
      [ago(4.4), null],
      [ago(3.2), 20.5],
      [ago(1), 20.6],
    ] as Reading[],
    h2s: [
      [ago(6.4), 0.4],
      [ago(2.4), 12.5],
      [ago(1.6), 0.5],
    ] as Reading[],
    // A datalog every two hours, longer apart than the feed's limit: a gap between each two.
    co: [
      [ago(6), 3],
      [ago(5), null],
      [ago(4), 4],
      [ago(3), null],
      [ago(2), 3.5],
    ] as Reading[],
  }
  const series = (gas: 'o2' | 'h2s' | 'co', instrumentId: number, serial: string, points: Reading[]) => ({
    gas,
    instrumentId,
    serial,
    permitId: 7,
    permitNumber: 'NP-2025-0007',
    times: points.map(([at]) => at),
    values: points.map(([, value]) => value),
  })
  return {
    held,
    answer(input: TrendQueryInput): TrendDto {
      const { from, to } = input
      const inWindow = (points: Reading[]) => points.filter(([at]) => at >= from && at <= to)
      return {
        subject: { kind: 'permit', permitId: 7 },
        title: 'Permit NP-2025-0007 (TK-101)',
        from,
        to,
        resolution: 'minute',
        columnMs: (to - from) / input.width,
        series: [
          series('o2', 1, 'MX4-0042', inWindow(held.o2a)),
          series('o2', 2, 'BW-4471', inWindow(held.o2b)),
          series('h2s', 1, 'MX4-0042', inWindow(held.h2s)),
          series('co', 2, 'BW-4471', inWindow(held.co)),
        ].filter((line) => line.times.length > 0),
        bands: [
          { gas: 'o2', level: 'high', bound: 'ceiling', value: 23.5, label: 'High alarm 23.5 % vol' },
          { gas: 'o2', level: 'low', bound: 'floor', value: 19.5, label: 'Low alarm 19.5 % vol' },
          { gas: 'h2s', level: 'high', bound: 'ceiling', value: 20, label: 'High alarm 20 ppm' },
          { gas: 'h2s', level: 'low', bound: 'ceiling', value: 10, label: 'Low alarm 10 ppm' },
        ],
        alarms: [
          {
            alarmId: 5,
            at: ago(2.4),
            gas: 'h2s' as const,
            priority: 'medium',
            message: 'H2S 12.5 ppm: low alarm (limit 10 ppm)',
            permitNumber: 'NP-2025-0007',
          },
        ].filter((alarm) => alarm.at >= from && alarm.at <= to),
        occupied: [{ from: Math.max(from, ago(6.8)), to: Math.min(to, ago(0.5)), permitNumber: 'NP-2025-0007' }],
      }
    },
  }
}

function trendsTab(server = serverOf(Date.now())): FakeTransport {
  window.location.hash = '#/gas/trends?permit=7&range=8h'
  return (
    scriptSignedIn(new FakeTransport(), aUser(['safety_officer']))
      // The server's clock agrees with this one, so the window the chart asks for ends now.
      .on('alarms.summary', ok({ ...noAlarms(), now: Date.now() }))
      .on('permits.register', ok({ items: [], total: 0 }))
      .on('spaces.list', ok({ items: [], total: 0 }))
      .on('instruments.list', ok({ items: [], total: 0 }))
      .on('permits.board', ok({ cards: [aCard()], peopleInside: 2, now: Date.now() }))
      .on('trends.query', (input) => ok(server.answer(input as TrendQueryInput)))
  )
}

const panel = (name: RegExp) => screen.findByRole('figure', { name })

/** The drawn lines of a panel, as SVG path data: a gap is a second "M" (move) in one line. */
const linesOf = (figure: HTMLElement) =>
  Array.from(figure.querySelectorAll('.trend-line path')).map((path) => path.getAttribute('d') ?? '')

const moves = (d: string) => d.split('M').length - 1

/** A path's drawing commands without their coordinates: "MLML" is two segments of two points. */
const commands = (d: string) => d.replace(/[^A-Z]/g, '')

describe('the trend chart of the Gas page', () => {
  it('draws each gas as its own panel: a line per instrument, gaps as breaks, lone readings as dots, the bands and the alarm marked', async () => {
    const transport = trendsTab()
    renderApp(transport)

    const oxygen = await panel(/^Oxygen \(O2\)/)
    await waitFor(() => expect(linesOf(oxygen)).toHaveLength(2))
    const [steady, broken] = linesOf(oxygen)
    expect(moves(steady ?? '')).toBe(1)
    // The second monitor's silence is not bridged: its line stops and starts again.
    expect(moves(broken ?? '')).toBe(2)
    expect(within(oxygen).getByText('High alarm 23.5 % vol')).toBeTruthy()
    expect(within(oxygen).getByText('Low alarm 19.5 % vol')).toBeTruthy()

    const h2s = await panel(/^Hydrogen sulfide \(H2S\)/)
    expect(linesOf(h2s)).toHaveLength(1)
    expect(within(h2s).getByText('Low alarm 10 ppm')).toBeTruthy()
    expect(h2s.querySelector('.trend-alarm-marker title')?.textContent).toMatch(/^H2S 12\.5 ppm: low alarm/)
    // Readings with a gap on both sides are dots: no line reaches them.
    const co = await panel(/^Carbon monoxide \(CO\)/)
    expect(co.querySelectorAll('circle.trend-lone-reading')).toHaveLength(3)
    // A gas nobody measured still has its panel, saying so.
    expect(within(await panel(/^Combustible gases \(LEL\)/)).getByText('No LEL readings in this window')).toBeTruthy()

    const legend = within(screen.getByRole('list', { name: 'Legend' }))
    expect(legend.getByText('MX4-0042')).toBeTruthy()
    expect(legend.getByText('BW-4471')).toBeTruthy()
    expect(screen.getByRole('group', { name: 'Permit NP-2025-0007 (TK-101)' })).toBeTruthy()

    // One query for the window, as wide as the plot is in pixels.
    const [asked] = transport.callsTo('trends.query') as TrendQueryInput[]
    expect(asked?.subject).toEqual({ kind: 'permit', permitId: 7 })
    expect((asked?.to ?? 0) - (asked?.from ?? 0)).toBe(8 * 60 * minute)
    expect(asked?.width).toBeGreaterThanOrEqual(50)
  })

  it('appends new readings of the shown permit by asking only for the tail, not the whole window', async () => {
    const server = serverOf(Date.now())
    const transport = trendsTab(server)
    renderApp(transport)
    const oxygen = await panel(/^Oxygen \(O2\)/)
    await waitFor(() => expect(linesOf(oxygen)).toHaveLength(2))
    const [first] = transport.callsTo('trends.query') as TrendQueryInput[]
    const before = linesOf(oxygen)

    server.held.o2a.push([Date.now(), 21.2])
    transport.emit('readings.recorded', { permitId: 8, count: 1, at: Date.now() })
    transport.emit('readings.recorded', { permitId: 7, count: 1, at: Date.now() })
    await waitFor(() => expect(transport.callsTo('trends.query')).toHaveLength(2), { timeout: 3000 })
    const tail = transport.callsTo('trends.query')[1] as TrendQueryInput
    expect(tail.from).toBeGreaterThan(first?.from ?? 0)
    expect(tail.to - tail.from).toBeLessThan((first?.to ?? 0) - (first?.from ?? 0))

    // The new point ends the first monitor's line; the other's line, gap included, is as it was.
    await waitFor(() => expect(linesOf(oxygen)[0]?.split('L')).toHaveLength(4))
    // (The window has moved on by the time that passed, so its coordinates shift a little.)
    expect(commands(linesOf(oxygen)[1] ?? '')).toBe(commands(before[1] ?? ''))
    expect(commands(before[1] ?? '')).toBe('MLML')
    expect(within(await panel(/^Hydrogen sulfide/)).getByText('Low alarm 10 ppm')).toBeTruthy()
  })

  it('zooms into a window dragged across the panels and back with Reset zoom, the address following', async () => {
    const transport = trendsTab()
    renderApp(transport)
    const oxygen = await panel(/^Oxygen \(O2\)/)
    await waitFor(() => expect(linesOf(oxygen)).toHaveLength(2))
    const [shown] = transport.callsTo('trends.query') as TrendQueryInput[]

    // jsdom lays nothing out: the layer's left edge is 0, so a pointer's clientX is its x.
    const layer = screen.getByTestId('trend-pointer-layer')
    fireEvent.pointerDown(layer, { clientX: 300, button: 0, pointerId: 1 })
    fireEvent.pointerMove(layer, { clientX: 600, pointerId: 1 })
    fireEvent.pointerUp(layer, { clientX: 600, pointerId: 1 })

    await waitFor(() => expect(window.location.hash).toMatch(/^#\/gas\/trends\?permit=7&from=\d+&to=\d+$/))
    const zoomed = transport.callsTo('trends.query').at(-1) as TrendQueryInput
    expect(zoomed.from).toBeGreaterThan(shown?.from ?? 0)
    expect(zoomed.to).toBeLessThan(shown?.to ?? 0)

    fireEvent.click(await screen.findByRole('button', { name: 'Reset zoom' }))
    await waitFor(() => expect(window.location.hash).toBe('#/gas/trends?permit=7&range=8h'))
    expect(screen.queryByRole('button', { name: 'Reset zoom' })).toBeNull()
    expect(screen.getByRole('button', { name: 'Last 8 h' }).getAttribute('aria-pressed')).toBe('true')
  })
})
