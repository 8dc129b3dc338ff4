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

  it('marks every missing field of a new space at once and asks nothing of the server', async () => {
    // The only site is chosen already; what a person must type is not.
    const transport = spacesPage()
    renderApp(transport)

    fireEvent.click(await screen.findByRole('button', { name: 'New space' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'New space' }))
    fireEvent.click(dialog.getByRole('button', { name: 'Create space' }))

    const summary = within(dialog.getByRole('alert'))
    expect(summary.getAllByRole('button').map((link) => link.textContent)).toEqual([
      'Tag is required.',
      'Name is required.',
    ])
    expect(document.activeElement).toBe(dialog.getByLabelText(/^Tag/))
    expect(transport.callsTo('spaces.create')).toEqual([])
  })

  it('shows the server’s issue under the tag of a new space', async () => {
    const transport = spacesPage().on(
      'spaces.create',
      fail('VALIDATION', 'Some fields need attention.', [
        { field: 'tag', rule: 'custom', message: 'is already the tag of another space at this site' },
      ]),
    )
    renderApp(transport)

    fireEvent.click(await screen.findByRole('button', { name: 'New space' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'New space' }))
    fireEvent.change(dialog.getByLabelText(/^Tag/), { target: { value: 'TK-1' } })
    fireEvent.change(dialog.getByLabelText(/^Name/), { target: { value: 'Tank' } })
    fireEvent.mouseDown(dialog.getByRole('combobox', { name: /^Site/ }))
    fireEvent.click(await screen.findByRole('option', { name: 'North Plant' }))
    fireEvent.click(dialog.getByRole('button', { name: 'Create space' }))

    await waitFor(() =>
      expect(descriptionOf(dialog.getByLabelText(/^Tag/))).toBe('is already the tag of another space at this site'),
    )
    expect(transport.callsTo('spaces.create')[0]).toMatchObject({
      tag: 'TK-1',
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

describe('what each space is now', () => {
  const spaces = [
    aSpace({
      availability: 'occupied',
      occupancy: { headcount: 2, permit: { id: 7, number: 'CSE-NORTH-2026-0001', state: 'active' } },
    }),
    aSpace({
      id: 4,
      tag: 'TK-102',
      availability: 'permit_open',
      occupancy: { headcount: 0, permit: { id: 8, number: 'CSE-NORTH-2026-0002', state: 'authorized' } },
    }),
    aSpace({ id: 5, tag: 'PIT-3', status: 'locked_out', availability: 'locked_out' }),
    aSpace({
      id: 6,
      tag: 'SW-9',
      status: 'out_of_service',
      availability: 'occupied',
      occupancy: { headcount: 1, permit: { id: 9, number: 'CSE-NORTH-2026-0003', state: 'suspended' } },
    }),
    aSpace({ id: 7, tag: 'TK-200' }),
  ]
  const rowOf = (tag: string): HTMLElement => {
    const row = screen.getByRole('cell', { name: tag }).closest('tr')
    if (!row) throw new Error(`no row for ${tag}`)
    return row
  }
  const availabilityOf = (tag: string): string => {
    const header = screen.getAllByRole('columnheader').findIndex((cell) => cell.textContent === 'Availability')
    return within(rowOf(tag)).getAllByRole('cell')[header]?.textContent ?? ''
  }

  it('shows who is inside under which permit, an open permit, or the service status, from the records', async () => {
    renderApp(spacesPage().on('spaces.list', ok({ items: spaces, total: spaces.length })))
    await screen.findByRole('cell', { name: 'TK-101' })

    expect(availabilityOf('TK-101')).toBe('Occupied: 2 inside · CSE-NORTH-2026-0001')
    expect(availabilityOf('TK-102')).toBe('Permit open · CSE-NORTH-2026-0002')
    expect(availabilityOf('PIT-3')).toBe('Locked out')
    expect(availabilityOf('TK-200')).toBe('Available')
    expect(within(rowOf('TK-101')).getByRole('link', { name: 'CSE-NORTH-2026-0001' }).getAttribute('href')).toBe(
      '#/permits/7',
    )
  })

  it('points out people inside a space marked out of service', async () => {
    renderApp(spacesPage().on('spaces.list', ok({ items: spaces, total: spaces.length })))
    await screen.findByRole('cell', { name: 'SW-9' })

    expect(availabilityOf('SW-9')).toMatch(/^Occupied: 1 inside · CSE-NORTH-2026-0003/)
    expect(within(rowOf('SW-9')).getByText('Marked out of service, yet people are inside.')).toBeTruthy()
  })

  it('lets a person set only the service status of a space', async () => {
    const transport = spacesPage().on('spaces.update', ok(aSpace({ status: 'locked_out' })))
    renderApp(transport)

    fireEvent.click(await screen.findByRole('button', { name: 'Edit TK-101' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Edit space TK-101' }))
    fireEvent.mouseDown(dialog.getByRole('combobox', { name: 'Service status' }))
    const options = (await screen.findAllByRole('option')).map((option) => option.textContent)
    expect(options).toEqual(['In service', 'Locked out', 'Out of service'])
    fireEvent.click(screen.getByRole('option', { name: 'Locked out' }))
    fireEvent.click(dialog.getByRole('button', { name: 'Save space' }))

    await waitFor(() =>
      expect(transport.callsTo('spaces.update')).toMatchObject([{ spaceId: 3, status: 'locked_out' }]),
    )
  })
})
