import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { refreshDelayMs } from '../../src/renderer/src/live/coalesced-refresh'
import type { PermitCardDto } from '../../src/shared/contract/permits'
import type { Role } from '../../src/shared/contract/roles'
import { aUser } from './support/fixtures'
import { FakeTransport, fail, ok } from './support/fake-transport'
import { aCard, aSite, anEvacuation, now } from './support/permit-fixtures'
import { fullText, renderApp, scriptSignedIn } from './support/render-app'

const boardAnswer = (cards: PermitCardDto[], peopleInside = cards.reduce((n, card) => n + card.inside.length, 0)) =>
  ok({ cards, peopleInside, now })

function boardOf(cards: PermitCardDto[], roles: Role[] = ['supervisor']): FakeTransport {
  window.location.hash = '#/board'
  return scriptSignedIn(new FakeTransport(), aUser(roles))
    .on('sites.list', ok([aSite()]))
    .on('permits.board', boardAnswer(cards))
}

const cardOf = (number: string): Promise<HTMLElement> => screen.findByRole('article', { name: new RegExp(number) })

describe('permit board', () => {
  it('shows each card’s state, headcount with names, atmosphere and alarms', async () => {
    const alarm = 'Atmosphere outside the acceptable conditions while 2 people are inside.'
    renderApp(
      boardOf([
        aCard({
          atmosphere: { level: 'red', takenAt: now - 4 * 60_000, reasons: ['H2S 14 ppm is not acceptable.'] },
          alarms: [alarm],
        }),
      ]),
    )

    const card = within(await cardOf('NP-2025-0007'))
    expect(card.getByText('TK-101')).toBeTruthy()
    expect(card.getByText('Active')).toBeTruthy()
    expect(card.getByText(fullText('2 inside'))).toBeTruthy()
    expect(card.getByRole('list', { name: 'People inside' }).textContent).toBe('Alex ReyesSam Ortiz')
    expect(card.getByText('Atmosphere FAILING')).toBeTruthy()
    expect(card.getByText('Tested 4 min ago')).toBeTruthy()
    expect(card.getByText(alarm)).toBeTruthy()
    expect(card.getByText('Pat Lee')).toBeTruthy()

    // The reasons wait in the details, which the card opens in a drawer beside the board.
    fireEvent.click(card.getByRole('button', { name: 'Details of permit NP-2025-0007' }))
    const details = within(await screen.findByRole('region', { name: 'Details of permit NP-2025-0007' }))
    fireEvent.click(details.getByRole('button', { name: 'Show reasons' }))
    expect(details.getByText('H2S 14 ppm is not acceptable.')).toBeTruthy()
  })

  it('counts time left on the server’s clock, not the workstation’s', async () => {
    renderApp(boardOf([aCard({ validFrom: now - 60_000, validTo: now + 2 * 60 * 60_000 })]))

    // The fake server's clock is not this machine's; the card still counts from the server's now.
    const card = within(await cardOf('NP-2025-0007'))
    expect(card.getByText(/^(2 h|1 h 59 min) left$/)).toBeTruthy()
  })

  it('warns when no attendant is on duty at a permit that admits entry', async () => {
    renderApp(boardOf([aCard({ attendantOnDuty: null, inside: [] })]))

    expect(within(await cardOf('NP-2025-0007')).getByText('No attendant on duty')).toBeTruthy()
  })

  it('refetches the board when someone enters, without a reload', async () => {
    const transport = boardOf([aCard()])
    renderApp(transport)
    const before = within(await cardOf('NP-2025-0007'))
    expect(before.getByText(fullText('2 inside'))).toBeTruthy()
    const asked = transport.callsTo('permits.board').length

    const third = { key: 'name:Jo Park', name: 'Jo Park', userId: null, since: now }
    transport.on('permits.board', boardAnswer([aCard({ inside: [...aCard().inside, third] })]))
    transport.emit('entries.changed', { permitId: 7, spaceId: 3, headcount: 3, at: now })

    await waitFor(() =>
      expect(
        within(screen.getByRole('article', { name: /NP-2025-0007/ })).getByText(fullText('3 inside')),
      ).toBeTruthy(),
    )
    expect(screen.getByText('Jo Park')).toBeTruthy()
    expect(transport.callsTo('permits.board').length).toBe(asked + 1)
  })

  it('answers a burst of events with one refetch', async () => {
    const transport = boardOf([aCard()])
    renderApp(transport)
    await cardOf('NP-2025-0007')
    const asked = transport.callsTo('permits.board').length

    for (let i = 0; i < 5; i++) transport.emit('entries.changed', { permitId: 7, spaceId: 3, headcount: 2, at: now })
    transport.emit('atmosphere.recorded', { permitId: 7, spaceId: 3, readingId: 9, pass: true, at: now })

    await waitFor(() => expect(transport.callsTo('permits.board').length).toBe(asked + 1))
    await new Promise((resolve) => setTimeout(resolve, refreshDelayMs * 2))
    expect(transport.callsTo('permits.board').length).toBe(asked + 1)
  })

  it('puts cards with alarms first', async () => {
    renderApp(
      boardOf([
        aCard({ id: 1, number: 'NP-1', spaceTag: 'TK-1' }),
        aCard({ id: 2, number: 'NP-2', spaceTag: 'TK-2', alarms: ['Permit expired while 2 people are inside.'] }),
      ]),
    )

    await cardOf('NP-2')
    const order = screen.getAllByRole('article').map((article) => article.getAttribute('aria-label'))
    expect(order).toEqual(['Permit NP-2, TK-2', 'Permit NP-1, TK-1'])
  })

  it('shows the roll call of a running evacuation', async () => {
    renderApp(
      boardOf([
        aCard({
          evacuation: { evacuationId: 4, orderedAt: now - 60_000, reason: 'Gas alarm', stillInside: ['Sam Ortiz'] },
        }),
      ]),
    )

    const card = within(await cardOf('NP-2025-0007'))
    expect(card.getByText('Still to come out (1): Sam Ortiz')).toBeTruthy()
  })

  it('offers a supervisor the demo site and a new permit on an empty board', async () => {
    const transport = boardOf([]).on('demo.load', ok({ siteId: 2, permits: 4, people: [] }))
    renderApp(transport)

    expect(await screen.findByText(/^No open permits/)).toBeTruthy()
    expect(screen.getByRole('link', { name: 'New permit' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Load demo site' }))

    await waitFor(() => expect(transport.callsTo('demo.load')).toEqual([{}]))
  })

  it('offers an attendant neither the demo site nor a new permit', async () => {
    renderApp(boardOf([], ['attendant']))

    expect(await screen.findByText(/^No open permits/)).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Load demo site' })).toBeNull()
    expect(screen.queryByRole('link', { name: 'New permit' })).toBeNull()
  })

  it('opens the permit when its card is clicked', async () => {
    renderApp(boardOf([aCard()]))

    fireEvent.click(within(await cardOf('NP-2025-0007')).getByText('Settling tank 1'))

    expect(window.location.hash).toBe('#/permits/7')
  })

  it('says the cards may be out of date when a refresh fails', async () => {
    const transport = boardOf([aCard()])
    renderApp(transport)
    await cardOf('NP-2025-0007')

    transport.on('permits.board', fail('INTERNAL', 'Gatehouse could not be reached.'))
    transport.emit('permits.changed', { permitId: 7, state: 'active', at: now })

    expect(
      await screen.findByText(
        /^Gatehouse could not be reached\. The cards below are as of .* and may be out of date\.$/,
      ),
    ).toBeTruthy()
    expect(screen.getByRole('article', { name: /NP-2025-0007/ })).toBeTruthy()
  })
})

describe('evacuating every space from the board', () => {
  it('orders everyone out of every space with one press of a common reason', async () => {
    const transport = boardOf([aCard()], ['attendant']).on('evacuations.order', (input) =>
      ok(anEvacuation({ reason: input.reason })),
    )
    renderApp(transport)
    await cardOf('NP-2025-0007')
    fireEvent.click(screen.getByRole('button', { name: 'Evacuate all' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Evacuate every space of every site' }))
    fireEvent.click(dialog.getByRole('button', { name: 'Gas alarm' }))
    fireEvent.click(dialog.getByRole('button', { name: 'Order evacuation of every space of every site' }))
    await waitFor(() => expect(transport.callsTo('evacuations.order')).toEqual([{ reason: 'Gas alarm' }]))
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Evacuate every space of every site' })).toBeNull())
  })

  it('is not offered to roles that may not order an evacuation', async () => {
    renderApp(boardOf([aCard()], ['safety_officer']))
    await cardOf('NP-2025-0007')
    expect(screen.queryByRole('button', { name: 'Evacuate all' })).toBeNull()
  })
})

describe('evacuating a site from a board filtered to it', () => {
  const twoSites = () => {
    window.location.hash = '#/board'
    return scriptSignedIn(new FakeTransport(), aUser(['supervisor']))
      .on('sites.list', ok([aSite(), aSite({ id: 2, code: 'SOUTH', name: 'South Works' })]))
      .on('permits.board', (input) =>
        // The server counts everyone inside the site's spaces, whatever the cards show.
        input.siteId === 1 ? boardAnswer([aCard()], 5) : boardAnswer([aCard(), aCard({ id: 8, siteId: 2 })], 9),
      )
      .on('evacuations.order', (input) => ok(anEvacuation({ scope: 'site', siteId: input.siteId ?? null })))
  }

  it('names the site, counts everyone inside it, and orders the evacuation of that site only', async () => {
    const transport = twoSites()
    renderApp(transport)
    fireEvent.mouseDown(await screen.findByRole('combobox', { name: 'Site' }))
    fireEvent.click(await screen.findByRole('option', { name: 'North Plant' }))
    await waitFor(() => expect(transport.callsTo('permits.board').at(-1)).toEqual({ siteId: 1 }))
    await cardOf('NP-2025-0007')

    fireEvent.click(screen.getByRole('button', { name: 'Evacuate all' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Evacuate every space of North Plant' }))
    expect(
      dialog.getByText(/^Everyone comes out of every space of North Plant now \(5 people are inside\)\./),
    ).toBeTruthy()
    fireEvent.click(dialog.getByRole('button', { name: 'Gas alarm' }))
    fireEvent.click(dialog.getByRole('button', { name: 'Order evacuation of every space of North Plant' }))

    await waitFor(() => expect(transport.callsTo('evacuations.order')).toEqual([{ reason: 'Gas alarm', siteId: 1 }]))
  })

  it('is offered when people are inside though the state filter leaves no card', async () => {
    window.location.hash = '#/board'
    renderApp(
      scriptSignedIn(new FakeTransport(), aUser(['attendant']))
        .on('sites.list', ok([aSite()]))
        .on('permits.board', boardAnswer([], 3)),
    )

    fireEvent.click(await screen.findByRole('button', { name: 'Evacuate all' }))

    const dialog = within(await screen.findByRole('dialog', { name: 'Evacuate every space of every site' }))
    expect(dialog.getByText(/\(3 people are inside\)/)).toBeTruthy()
  })

  it('is not offered when nobody is inside and the board has no card', async () => {
    renderApp(boardOf([], ['attendant']))

    expect(await screen.findByText(/^No open permits/)).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Evacuate all' })).toBeNull()
  })
})

describe('severity at a glance', () => {
  const gasAlarm = (priority: 'high' | 'medium' | 'low') => ({
    id: 1,
    priority,
    acknowledged: false,
    cleared: false,
    latched: false,
    message: 'H2S 14 ppm above its high alarm level',
    raisedAt: now - 60_000,
  })

  it('ranks an evacuation above a high gas alarm above a stale test above a calm permit, each in its own words', async () => {
    renderApp(
      boardOf([
        aCard({ id: 1, number: 'NP-1', spaceTag: 'TK-1' }),
        aCard({
          id: 2,
          number: 'NP-2',
          spaceTag: 'TK-2',
          atmosphere: { level: 'amber', takenAt: now - 5 * 60 * 60_000, reasons: ['The test is old.'] },
          alarms: ['Atmospheric test is stale while 2 people inside: test again.'],
        }),
        aCard({ id: 3, number: 'NP-3', spaceTag: 'TK-3', gasAlarms: [gasAlarm('high')] }),
        aCard({
          id: 4,
          number: 'NP-4',
          spaceTag: 'TK-4',
          state: 'suspended',
          alarms: ['Evacuation ordered: 1 person still inside.'],
          evacuation: { evacuationId: 4, orderedAt: now - 60_000, reason: 'Gas alarm', stillInside: ['Sam Ortiz'] },
        }),
      ]),
    )

    await cardOf('NP-4')
    const cards = screen.getAllByRole('article')
    expect(cards.map((article) => article.getAttribute('aria-label'))).toEqual([
      'Permit NP-4, TK-4',
      'Permit NP-3, TK-3',
      'Permit NP-2, TK-2',
      'Permit NP-1, TK-1',
    ])
    expect(cards.map((article) => article.dataset.level)).toEqual(['evacuation', 'high', 'low', 'none'])
    const [evacuation, high, stale, calm] = cards.map((article) => within(article))
    expect(evacuation?.getByText('Evacuate')).toBeTruthy()
    expect(evacuation?.getByText('Still to come out (1): Sam Ortiz')).toBeTruthy()
    expect(high?.getByText('High')).toBeTruthy()
    expect(high?.getByText('H2S 14 ppm above its high alarm level')).toBeTruthy()
    expect(stale?.getByText('Low')).toBeTruthy()
    expect(calm?.getByText('No alarms')).toBeTruthy()
  })

  it('shows one alarm per card and counts the rest', async () => {
    renderApp(
      boardOf([
        aCard({
          atmosphere: { level: 'red', takenAt: now, reasons: ['H2S 14 ppm is not acceptable.'] },
          alarms: [
            'Prohibited atmosphere with 2 people inside: H2S 14 ppm.',
            'No attendant on duty while 2 people inside.',
          ],
          gasAlarms: [gasAlarm('medium')],
        }),
      ]),
    )

    const card = within(await cardOf('NP-2025-0007'))
    expect(card.getByText('Prohibited atmosphere with 2 people inside: H2S 14 ppm.')).toBeTruthy()
    expect(card.queryByText('No attendant on duty while 2 people inside.')).toBeNull()
    expect(card.getByText('+2')).toBeTruthy()
  })
})

describe('wall mode', () => {
  it('shows the board alone, without the menu, naming another site’s alarm while it shows the first', async () => {
    renderApp(
      boardOf([
        aCard({ id: 1, number: 'NP-1', spaceTag: 'TK-1' }),
        aCard({
          id: 2,
          number: 'SW-2',
          spaceTag: 'SW-2',
          siteId: 2,
          siteName: 'South Works',
          atmosphere: { level: 'red', takenAt: now, reasons: [] },
          alarms: ['Prohibited atmosphere with 2 people inside.'],
        }),
      ]),
    )
    fireEvent.click(await screen.findByRole('button', { name: 'Wall mode' }))

    expect(await screen.findByRole('button', { name: 'Leave wall mode' })).toBeTruthy()
    expect(window.location.hash).toBe('#/board/wall')
    expect(screen.queryByRole('navigation', { name: 'Main' })).toBeNull()
    expect(screen.getByText('Site 1 of 2')).toBeTruthy()
    await cardOf('NP-1')
    expect(screen.queryByRole('article', { name: /SW-2/ })).toBeNull()
    expect(screen.getByText('Also at South Works')).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: 'Leave wall mode' }))
    expect(await screen.findByRole('navigation', { name: 'Main' })).toBeTruthy()
  })
})
