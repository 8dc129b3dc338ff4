import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { PermitCardDto } from '../../src/shared/contract/permits'
import { severityPalettes } from '../../src/renderer/src/theme/severity-palette'
import { liveValuesOf } from './support/alarm-fixtures'
import { aUser } from './support/fixtures'
import { FakeTransport, ok } from './support/fake-transport'
import { aCard, aDetail, aSite, now } from './support/permit-fixtures'
import { permitPage } from './support/permit-page'
import { renderApp, scriptSignedIn } from './support/render-app'

function boardOf(cards: PermitCardDto[]): FakeTransport {
  window.location.hash = '#/board'
  return scriptSignedIn(new FakeTransport(), aUser(['supervisor']))
    .on('sites.list', ok([aSite()]))
    .on('permits.board', ok({ cards, peopleInside: 2, now }))
}

const cardOf = (number: string): Promise<HTMLElement> => screen.findByRole('article', { name: new RegExp(number) })

/** The card's details, in the drawer its details button opens: the live values are there. */
async function detailsOf(number: string): Promise<HTMLElement> {
  fireEvent.click(within(await cardOf(number)).getByRole('button', { name: `Details of permit ${number}` }))
  return screen.findByRole('region', { name: `Details of permit ${number}` })
}

/** The colour a pill is drawn in, as the eye sees it: its fill, or its text when it has none. */
const pillOf = (card: HTMLElement, text: RegExp): HTMLElement => within(card).getByText(text, { selector: 'span' })

const rgb = (hex: string): string => {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16))
  return `rgb(${String(r)}, ${String(g)}, ${String(b)})`
}

const dark = severityPalettes.dark

describe('live values in a board card’s details', () => {
  it('shows each gas with its unit, coloured by its verdict, and how old it is', async () => {
    renderApp(boardOf([aCard({ liveValues: [liveValuesOf()] })]))
    const card = await detailsOf('NP-2025-0007')
    const values = within(within(card).getByRole('group', { name: 'Live values from Crew 2 four-gas' }))

    expect(values.getByText('BW-4471')).toBeTruthy()
    expect(values.getByText(/^\d s ago$/)).toBeTruthy()
    const o2 = pillOf(card, /O2 20\.9 % vol/)
    const lel = pillOf(card, /LEL 6 % LEL/)
    const h2s = pillOf(card, /H2S 14 ppm/)
    expect(o2.textContent).toBe('O2 20.9 % vol, inside limits')
    expect(lel.textContent).toBe('! LEL 6 % LEL, warning')
    expect(h2s.textContent).toBe('✕ H2S 14 ppm, breach')
    expect(getComputedStyle(h2s).backgroundColor).toBe(rgb(dark.high.fill))
    expect(getComputedStyle(lel).backgroundColor).toBe(rgb(dark.medium.fill))
    expect(getComputedStyle(o2).color).toBe(rgb(dark.ok.text))
    expect(h2s.getAttribute('title')).toBe('must be below 10 ppm')
  })

  it('marks simulated and flagged monitors, with the reason for the flag', async () => {
    const reason = 'Its last bump test is more than 24 hours old.'
    renderApp(boardOf([aCard({ liveValues: [liveValuesOf({ simulated: true, flagged: [reason] })] })]))
    const card = within(await detailsOf('NP-2025-0007'))

    expect(card.getByText('Simulated')).toBeTruthy()
    const flagged = card.getByLabelText(`Flagged: ${reason}`)
    fireEvent.mouseOver(flagged)
    expect(await screen.findByRole('tooltip')).toHaveProperty('textContent', reason)
  })

  it('shows the worst gas alarm first on the card, and how many more there are', async () => {
    renderApp(
      boardOf([
        aCard({ id: 1, number: 'NP-1', spaceTag: 'TK-1' }),
        aCard({
          id: 2,
          number: 'NP-2',
          spaceTag: 'TK-2',
          gasAlarms: [
            {
              id: 5,
              priority: 'high',
              acknowledged: false,
              cleared: false,
              latched: true,
              message: 'H2S 22 ppm: high alarm (limit 20 ppm)',
              raisedAt: now - 60_000,
            },
            {
              id: 4,
              priority: 'low',
              acknowledged: true,
              cleared: false,
              latched: false,
              message: 'Stale',
              raisedAt: now,
            },
          ],
        }),
      ]),
    )
    const card = within(await cardOf('NP-2'))

    expect(card.getByText('High')).toBeTruthy()
    expect(card.getByText('H2S 22 ppm: high alarm (limit 20 ppm)')).toBeTruthy()
    expect(card.getByText('+1')).toBeTruthy()
    expect(card.queryByText('Stale')).toBeNull()
    // A card with a gas alarm someone must see comes first.
    const order = screen.getAllByRole('article').map((article) => article.getAttribute('aria-label'))
    expect(order).toEqual(['Permit NP-2, TK-2', 'Permit NP-1, TK-1'])
    // The details list every one, with its state.
    const alarms = within(within(await detailsOf('NP-2')).getByRole('list', { name: 'Gas alarms' }))
    expect(alarms.getByText('Active, not acknowledged')).toBeTruthy()
    expect(alarms.getByText('Stale')).toBeTruthy()
  })

  it('follows new readings without a reload', async () => {
    const transport = boardOf([aCard()])
    renderApp(transport)
    await detailsOf('NP-2025-0007')

    transport.on('permits.board', ok({ cards: [aCard({ liveValues: [liveValuesOf()] })], peopleInside: 2, now }))
    transport.emit('readings.recorded', { permitId: 7, count: 4, at: now })

    await waitFor(() => expect(screen.getByRole('group', { name: 'Live values from Crew 2 four-gas' })).toBeTruthy(), {
      timeout: 3000,
    })
  })
})

describe('gas on the permit page', () => {
  it('shows the live values and this permit’s open gas alarms, each to acknowledge', async () => {
    const detail = aDetail(
      {},
      {
        liveValues: [liveValuesOf()],
        gasAlarms: [
          {
            id: 5,
            priority: 'medium',
            acknowledged: false,
            cleared: false,
            latched: false,
            message: 'LEL 12 % LEL: low alarm (limit 10 % LEL)',
            raisedAt: now - 60_000,
          },
        ],
      },
    )
    const transport = permitPage(detail).on('alarms.acknowledge', () => ok({ acknowledged: 1 }))
    renderApp(transport)

    const live = within(await screen.findByRole('region', { name: 'Live gas readings' }))
    expect(live.getByText(/H2S 14 ppm/)).toBeTruthy()
    const alarms = within(screen.getByRole('list', { name: 'Gas alarms' }))
    expect(alarms.getByText('LEL 12 % LEL: low alarm (limit 10 % LEL)')).toBeTruthy()
    expect(alarms.getByText('Medium')).toBeTruthy()

    fireEvent.click(alarms.getByRole('button', { name: 'Acknowledge: LEL 12 % LEL: low alarm (limit 10 % LEL)' }))
    await waitFor(() => expect(transport.callsTo('alarms.acknowledge')).toEqual([{ alarmIds: [5] }]))
  })
})
