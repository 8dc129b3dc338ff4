import { fireEvent, screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { aUser } from './support/fixtures'
import { FakeTransport, ok } from './support/fake-transport'
import { aCard, aSite, now } from './support/permit-fixtures'
import { renderApp, scriptSignedIn } from './support/render-app'

function supervisorOnTheBoard(): FakeTransport {
  window.location.hash = '#/board'
  return scriptSignedIn(new FakeTransport(), aUser(['supervisor']))
    .on('sites.list', ok([aSite()]))
    .on('permits.board', ok({ cards: [aCard()], peopleInside: 2, now }))
}

describe('keyboard focus', () => {
  it('lands on the new page’s heading after moving to another page', async () => {
    renderApp(supervisorOnTheBoard())
    await screen.findByRole('heading', { level: 1, name: 'Board' })

    window.location.hash = '#/spaces'
    window.dispatchEvent(new HashChangeEvent('hashchange'))

    const heading = await screen.findByRole('heading', { level: 1, name: 'Spaces' })
    await waitFor(() => expect(document.activeElement).toBe(heading))
  })

  it('offers a skip link to the main content as the first stop', async () => {
    renderApp(supervisorOnTheBoard())
    const heading = await screen.findByRole('heading', { level: 1, name: 'Board' })

    const skip = screen.getByRole('link', { name: 'Skip to main content' })
    expect(document.querySelectorAll('a, button')[0]).toBe(skip)
    fireEvent.click(skip)

    expect(document.activeElement).toBe(heading)
    expect(window.location.hash).toBe('#/board')
  })
})
