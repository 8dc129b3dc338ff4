import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Role } from '../../src/shared/contract/roles'
import { pageOf } from './support/access-fixtures'
import { aUser } from './support/fixtures'
import { FakeTransport, ok } from './support/fake-transport'
import { renderApp, scriptSignedIn } from './support/render-app'

const menuLabels = async (): Promise<string[]> => {
  const nav = await screen.findByRole('navigation', { name: 'Main' })
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent ?? '')
}

const menuOf = (roles: Role[]): Promise<string[]> => {
  window.location.hash = '#/access'
  renderApp(scriptSignedIn(new FakeTransport(), aUser(roles)))
  return menuLabels()
}

describe('navigation', () => {
  it('shows an administrator every page but Handover, Spaces and the API playground included', async () => {
    expect(await menuOf(['administrator'])).toEqual([
      'Board',
      'Gas',
      'Entries',
      'Spaces',
      'Access',
      'Audit',
      'Evidence',
      'Admin',
      'API',
    ])
  })

  it('shows a supervisor the confined-space pages with Handover, and no Audit or Admin', async () => {
    expect(await menuOf(['supervisor'])).toEqual(['Board', 'Gas', 'Entries', 'Spaces', 'Handover', 'Access'])
  })

  it('shows an attendant Spaces but not Handover', async () => {
    const labels = await menuOf(['attendant'])

    expect(labels).toContain('Spaces')
    expect(labels).not.toContain('Handover')
  })

  it('shows an auditor Audit and Evidence but not Admin or Handover', async () => {
    expect(await menuOf(['auditor'])).toEqual(['Board', 'Gas', 'Entries', 'Spaces', 'Access', 'Audit', 'Evidence'])
  })

  it('shows a requester neither the confined-space pages, Gas, Audit nor Admin', async () => {
    expect(await menuOf(['requester'])).toEqual(['Access'])
    expect(screen.queryByRole('link', { name: 'Spaces' })).toBeNull()
    expect(screen.queryByRole('link', { name: 'Handover' })).toBeNull()
  })

  it('opens someone at no address on their own first page', async () => {
    window.location.hash = ''
    renderApp(scriptSignedIn(new FakeTransport(), aUser(['requester'])))

    expect(await screen.findByRole('heading', { level: 1, name: 'Access' })).toBeTruthy()
  })

  it('opens a requester on My access, with no queue to see', async () => {
    window.location.hash = ''
    const transport = scriptSignedIn(new FakeTransport(), aUser(['requester']))
      .on('access.requests', ok(pageOf([])))
      .on('access.grants', ok(pageOf([])))
      .on('access.resources', ok([]))
    renderApp(transport)

    expect(await screen.findByRole('tab', { name: 'My access', selected: true })).toBeTruthy()
    expect(screen.queryByRole('tab', { name: 'Approval queue' })).toBeNull()
  })

  it('opens an IT approver on the approval queue, even one who also holds the board', async () => {
    window.location.hash = ''
    const transport = scriptSignedIn(new FakeTransport(), aUser(['it_approver', 'auditor']))
      .on('access.queue', ok(pageOf([])))
      .on('access.resources', ok([]))
    renderApp(transport)

    expect(await screen.findByRole('tab', { name: 'Approval queue', selected: true })).toBeTruthy()
    expect(await screen.findByText('Nothing waits for your decision.')).toBeTruthy()
  })

  it('says an address is not available to the roles, never showing another page under it', async () => {
    window.location.hash = '#/admin'
    renderApp(scriptSignedIn(new FakeTransport(), aUser(['it_approver'])).on('access.resources', ok([])))

    expect(await screen.findByRole('heading', { level: 1, name: 'Not available to your roles' })).toBeTruthy()
    expect(screen.getByText(/not available to your roles \(IT approver\)/)).toBeTruthy()
    expect(screen.queryByRole('tab', { name: 'Approval queue' })).toBeNull()
    expect(screen.getByRole('link', { name: 'Go to your start page' }).getAttribute('href')).toBe('#/')
  })

  it('says an address names no page', async () => {
    window.location.hash = '#/nowhere'
    renderApp(scriptSignedIn(new FakeTransport(), aUser(['auditor'])))

    expect(await screen.findByRole('heading', { level: 1, name: 'No such page' })).toBeTruthy()
  })
})
