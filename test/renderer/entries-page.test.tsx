import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { aUser } from './support/fixtures'
import { FakeTransport, ok } from './support/fake-transport'
import { now } from './support/permit-fixtures'
import { fullText, renderApp, scriptSignedIn } from './support/render-app'

const inside = (names: string[]) => ({
  spaceId: 3,
  spaceTag: 'TK-101',
  spaceName: 'Settling tank 1',
  permitId: 7,
  permitNumber: 'NP-2025-0007',
  headcount: names.length,
  people: names.map((name) => ({ key: `name:${name}`, name, since: now })),
})

describe('entries page', () => {
  it('shows the headcount of each space and follows entries live', async () => {
    window.location.hash = '#/entries'
    const transport = scriptSignedIn(new FakeTransport(), aUser(['attendant'])).on(
      'entries.inside',
      ok([inside(['Alex Reyes'])]),
    )
    renderApp(transport)

    const card = within(await screen.findByRole('article', { name: 'TK-101 headcount' }))
    expect(card.getByText(fullText('1 inside'))).toBeTruthy()
    expect(screen.getByText('1 person inside 1 space.')).toBeTruthy()

    transport.on('entries.inside', ok([inside(['Alex Reyes', 'Sam Ortiz'])]))
    transport.emit('entries.changed', { permitId: 7, spaceId: 3, headcount: 2, at: now })

    expect(await screen.findByText('2 people inside 1 space.')).toBeTruthy()
    expect(screen.getByText('Sam Ortiz')).toBeTruthy()
  })

  it('says so when nobody is inside', async () => {
    window.location.hash = '#/entries'
    renderApp(scriptSignedIn(new FakeTransport(), aUser(['supervisor'])).on('entries.inside', ok([])))

    expect(await screen.findByText('Nobody is inside any space.')).toBeTruthy()
  })
})
