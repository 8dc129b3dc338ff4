import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { aUser } from './support/fixtures'
import { FakeTransport } from './support/fake-transport'
import { renderApp, scriptSignedIn } from './support/render-app'

const menuLabels = async (): Promise<string[]> => {
  const nav = await screen.findByRole('navigation', { name: 'Main' })
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent ?? '')
}

describe('navigation', () => {
  it('shows an administrator every page, Audit and Admin included', async () => {
    renderApp(scriptSignedIn(new FakeTransport(), aUser(['administrator'])))

    expect(await menuLabels()).toEqual(['Board', 'Gas', 'Entries', 'Access', 'Audit', 'Admin'])
  })

  it('shows an auditor Audit but not Admin', async () => {
    renderApp(scriptSignedIn(new FakeTransport(), aUser(['auditor'])))

    expect(await menuLabels()).toEqual(['Board', 'Gas', 'Entries', 'Access', 'Audit'])
  })

  it('shows a requester neither Audit nor Admin', async () => {
    renderApp(scriptSignedIn(new FakeTransport(), aUser(['requester'])))

    expect(await menuLabels()).toEqual(['Board', 'Gas', 'Entries', 'Access'])
    expect(screen.queryByRole('link', { name: 'Audit' })).toBeNull()
    expect(screen.queryByRole('link', { name: 'Admin' })).toBeNull()
  })

  it('opens an honest placeholder for pages not built yet', async () => {
    window.location.hash = '#/gas'
    renderApp(scriptSignedIn(new FakeTransport(), aUser(['requester'])))

    expect(await screen.findByRole('heading', { name: 'Gas' })).toBeTruthy()
    expect(screen.getByText(/^Nothing here yet: /)).toBeTruthy()
  })
})
