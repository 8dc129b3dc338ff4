import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Role } from '../../src/shared/contract/roles'
import { aUser } from './support/fixtures'
import { FakeTransport, fail, ok } from './support/fake-transport'
import { aSite, aSpace } from './support/permit-fixtures'
import { descriptionOf, renderApp, scriptSignedIn } from './support/render-app'

function spacesPage(roles: Role[] = ['supervisor']): FakeTransport {
  window.location.hash = '#/spaces'
  return scriptSignedIn(new FakeTransport(), aUser(roles))
    .on('sites.list', ok([aSite()]))
    .on('spaces.list', ok({ items: [aSpace()], total: 1 }))
}

describe('spaces page', () => {
  it('lists spaces and asks again with the retired ones when ticked', async () => {
    const transport = spacesPage()
    renderApp(transport)

    expect(await screen.findByRole('cell', { name: 'TK-101' })).toBeTruthy()
    fireEvent.click(screen.getByRole('checkbox', { name: 'Include retired' }))

    await waitFor(() => expect(transport.callsTo('spaces.list').at(-1)).toMatchObject({ includeRetired: true }))
  })

  it('shows the server’s issue under the tag of a new space', async () => {
    const transport = spacesPage().on(
      'spaces.create',
      fail('VALIDATION', 'Some fields need attention.', [
        { field: 'tag', rule: 'regex', message: 'may use only letters, digits, dot, dash and underscore' },
      ]),
    )
    renderApp(transport)

    fireEvent.click(await screen.findByRole('button', { name: 'New space' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'New space' }))
    fireEvent.change(dialog.getByLabelText(/^Tag/), { target: { value: 'TK 1' } })
    fireEvent.change(dialog.getByLabelText(/^Name/), { target: { value: 'Tank' } })
    fireEvent.mouseDown(dialog.getByRole('combobox', { name: /^Site/ }))
    fireEvent.click(await screen.findByRole('option', { name: 'North Plant' }))
    fireEvent.click(dialog.getByRole('button', { name: 'Create space' }))

    await waitFor(() =>
      expect(descriptionOf(dialog.getByLabelText(/^Tag/))).toBe(
        'may use only letters, digits, dot, dash and underscore',
      ),
    )
    expect(transport.callsTo('spaces.create')[0]).toMatchObject({
      tag: 'TK 1',
      siteId: 1,
      classification: 'permit_required',
    })
  })

  it('retires a space only with a reason', async () => {
    const transport = spacesPage().on('spaces.retire', ok(aSpace({ retiredAt: 1 })))
    renderApp(transport)

    fireEvent.click(await screen.findByRole('button', { name: 'Retire TK-101' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Retire space TK-101' }))
    fireEvent.click(dialog.getByRole('button', { name: 'Retire' }))
    expect(transport.callsTo('spaces.retire')).toHaveLength(0)

    fireEvent.change(dialog.getByLabelText(/^Reason/), { target: { value: 'Tank demolished' } })
    fireEvent.click(dialog.getByRole('button', { name: 'Retire' }))

    await waitFor(() => expect(transport.callsTo('spaces.retire')).toEqual([{ spaceId: 3, reason: 'Tank demolished' }]))
  })

  it('lets an attendant read the list but not change it', async () => {
    renderApp(spacesPage(['attendant']))

    expect(await screen.findByRole('cell', { name: 'TK-101' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'New space' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Edit TK-101' })).toBeNull()
  })
})
