import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { aUser } from './support/fixtures'
import { aSite } from './support/permit-fixtures'
import { FakeTransport, ok } from './support/fake-transport'
import { renderApp, scriptSignedIn } from './support/render-app'

const demo = aSite({ id: 9, code: 'DEMO', name: 'Demo site (not real)', isDemo: true })

describe('removing the demo site from the Admin page', () => {
  it('says what will happen, then removes it in one step', async () => {
    window.location.hash = '#/admin'
    const transport = scriptSignedIn(new FakeTransport(), aUser(['administrator']))
      .on('users.list', ok({ items: [], total: 0 }))
      .on('sites.list', ok([aSite(), demo]))
      .on('devices.list', ok([]))
      .on('demo.remove', ok({ siteId: 9, permitsCancelled: 6, spacesRetired: 6, peopleDeactivated: 3 }))
    renderApp(transport)

    const sites = await screen.findByRole('table', { name: 'Sites' })
    await waitFor(() => expect(within(sites).getAllByRole('button', { name: 'Remove demo site' })).toHaveLength(1))
    fireEvent.click(within(sites).getByRole('button', { name: 'Remove demo site' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Remove demo site' }))
    expect(dialog.getByText(/its permits are cancelled, its spaces retired/)).toBeTruthy()
    expect(dialog.getByText(/The audit trail keeps every entry/)).toBeTruthy()
    fireEvent.click(dialog.getByRole('button', { name: 'Remove demo site' }))

    await waitFor(() => expect(transport.callsTo('demo.remove')).toEqual([{}]))
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Remove demo site' })).toBeNull())
  })
})
