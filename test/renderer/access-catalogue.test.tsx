import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { aResource } from './support/access-fixtures'
import { aUser } from './support/fixtures'
import { FakeTransport, fail, ok } from './support/fake-transport'
import { descriptionOf, renderApp, scriptSignedIn } from './support/render-app'

const people = [
  { id: 1, username: 'dana', displayName: 'Dana Okafor', roles: ['administrator' as const] },
  { id: 31, username: 'ita', displayName: 'Ita Brandt', roles: ['it_approver' as const] },
  { id: 21, username: 'rex', displayName: 'Rex Adler', roles: ['requester' as const] },
]

function administrator(): FakeTransport {
  window.location.hash = '#/access/catalogue'
  return scriptSignedIn(new FakeTransport(), aUser(['administrator']))
    .on('access.resources', ok([aResource()]))
    .on('users.directory', ok(people))
}

async function pick(label: RegExp, option: string) {
  const dialog = within(screen.getByRole('dialog'))
  fireEvent.change(dialog.getByRole('combobox', { name: label }), { target: { value: option.slice(0, 3) } })
  fireEvent.click(await screen.findByRole('option', { name: option }))
}

describe('the catalogue', () => {
  it('adds an IT resource with its levels, risk, owners and IT approvers, naming the server’s issues', async () => {
    const transport = administrator()
    renderApp(transport)

    fireEvent.click(await screen.findByRole('button', { name: 'New resource' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'New resource' }))
    fireEvent.change(dialog.getByLabelText(/^Key/), { target: { value: 'grp:vpn-admins' } })
    fireEvent.change(dialog.getByLabelText(/^Name/), { target: { value: 'VPN administrators' } })
    fireEvent.click(dialog.getByRole('radio', { name: /^High risk/ }))
    fireEvent.change(dialog.getByLabelText(/^Longest grant/), { target: { value: '8' } })
    await pick(/^Owners/, 'Ita Brandt')
    // Only IT approvers may approve: the others are not offered.
    fireEvent.change(dialog.getByRole('combobox', { name: /^Approvers/ }), { target: { value: 'Rex' } })
    expect(screen.queryByRole('option', { name: 'Rex Adler' })).toBeNull()
    await pick(/^Approvers/, 'Ita Brandt')

    transport.on('access.saveResource', (input) =>
      input.key === 'grp:vpn-admins' && input.ownerIds.length === 1
        ? fail('VALIDATION', 'levels must have at most 10 levels.', [
            { field: 'levels', rule: 'too_big', message: 'must have at most 10 levels' },
          ])
        : fail('INTERNAL', 'unexpected'),
    )
    fireEvent.click(dialog.getByRole('button', { name: 'Add resource' }))
    await waitFor(() =>
      expect(descriptionOf(dialog.getByRole('combobox', { name: 'Levels' }))).toBe('must have at most 10 levels'),
    )
    expect(transport.callsTo('access.saveResource')).toEqual([
      {
        key: 'grp:vpn-admins',
        name: 'VPN administrators',
        kind: 'application',
        description: '',
        levels: ['read', 'write'],
        riskTier: 'high',
        maxDurationHours: 8,
        justificationTemplate: null,
        reviewEveryDays: 90,
        ownerIds: [31],
        approverIds: [31],
      },
    ])
  })

  it('retires a resource only with a reason', async () => {
    const transport = administrator().on('access.retireResource', (input) =>
      ok(aResource({ retiredAt: Date.now(), description: input.reason })),
    )
    renderApp(transport)
    fireEvent.click(await screen.findByRole('button', { name: 'Retire app:ledger' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Retire app:ledger' }))
    fireEvent.click(dialog.getByRole('button', { name: 'Retire resource' }))
    expect(descriptionOf(dialog.getByLabelText(/^Reason/))).toBe('is required: say why the resource is retired')
    fireEvent.change(dialog.getByLabelText(/^Reason/), { target: { value: 'Replaced by the new ledger' } })
    fireEvent.click(dialog.getByRole('button', { name: 'Retire resource' }))
    await waitFor(() =>
      expect(transport.callsTo('access.retireResource')).toEqual([
        { resourceId: 5, reason: 'Replaced by the new ledger' },
      ]),
    )
  })
})
