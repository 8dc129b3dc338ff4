import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { UserDto, UserListItemDto } from '../../src/shared/contract/identity'
import { aUser } from './support/fixtures'
import { aSite } from './support/permit-fixtures'
import { scriptSystem } from './support/system-fixtures'
import { FakeTransport, fail, ok } from './support/fake-transport'
import { descriptionOf, renderApp, scriptSignedIn } from './support/render-app'

const admin = aUser(['administrator'])
const kim = aUser(['requester'], { id: 2, username: 'kim', displayName: 'Kim Lee' })
const listed = (user: UserDto, managerName: string | null = null): UserListItemDto => ({ ...user, managerName })

function administrator(): FakeTransport {
  window.location.hash = '#/admin'
  return scriptSystem(scriptSignedIn(new FakeTransport(), admin))
    .on('users.list', ok({ items: [listed(admin), listed(kim)], total: 2 }))
    .on('sites.list', ok([aSite()]))
    .on('devices.list', ok([]))
}

describe('admin page', () => {
  it('lists users and shows a server field issue inside the New user dialog', async () => {
    const transport = administrator().on(
      'users.create',
      fail('VALIDATION', 'Some fields need attention.', [
        { field: 'roles', rule: 'too_small', message: 'must name at least one role' },
      ]),
    )
    renderApp(transport)
    expect(await screen.findByRole('cell', { name: 'Kim Lee' })).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: 'New user' }))
    const dialog = await screen.findByRole('dialog', { name: 'New user' })
    fireEvent.change(within(dialog).getByLabelText('Username'), { target: { value: 'sam' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create user' }))

    expect(await within(dialog).findByText('must name at least one role')).toBeTruthy()
    expect(within(dialog).getByRole('alert').textContent).toContain('Roles must name at least one role.')
  })

  it('creates a user with the ticked roles and closes the dialog', async () => {
    const transport = administrator().on('users.create', (input) =>
      ok({ ...kim, id: 3, username: input.username, roles: input.roles }),
    )
    renderApp(transport)

    fireEvent.click(await screen.findByRole('button', { name: 'New user' }))
    const dialog = await screen.findByRole('dialog', { name: 'New user' })
    fireEvent.change(within(dialog).getByLabelText('Username'), { target: { value: 'sam' } })
    fireEvent.change(within(dialog).getByLabelText('Display name'), { target: { value: 'Sam Ortiz' } })
    fireEvent.change(within(dialog).getByLabelText('Password'), { target: { value: 'correct horse battery' } })
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Attendant' }))
    fireEvent.click(within(dialog).getByRole('button', { name: 'Create user' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(transport.callsTo('users.create')).toEqual([
      { username: 'sam', displayName: 'Sam Ortiz', password: 'correct horse battery', roles: ['attendant'] },
    ])
  })

  it('asks for a reason before deactivating an account', async () => {
    const transport = administrator()
    renderApp(transport)

    fireEvent.click(await screen.findByRole('button', { name: 'Deactivate kim' }))
    const dialog = await screen.findByRole('dialog', { name: 'Deactivate Kim Lee' })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Deactivate' }))

    expect(descriptionOf(within(dialog).getByLabelText('Reason'))).toMatch(/Give a reason/)
    expect(transport.callsTo('users.setActive')).toHaveLength(0)
  })

  it('resets a password to the temporary one typed, showing the server’s field issue', async () => {
    const transport = administrator().on('users.resetPassword', (input) =>
      input.temporaryPassword.length < 12
        ? fail('VALIDATION', 'Some fields need attention.', [
            { field: 'temporaryPassword', rule: 'too_small', message: 'must be at least 12 characters' },
          ])
        : ok({ ...kim, mustChangePassword: true }),
    )
    renderApp(transport)

    fireEvent.click(await screen.findByRole('button', { name: 'Reset password for kim' }))
    const dialog = await screen.findByRole('dialog', { name: 'Reset password of Kim Lee' })
    const field = within(dialog).getByLabelText(/Temporary password/)
    fireEvent.change(field, { target: { value: 'short' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reset password' }))
    await waitFor(() => expect(descriptionOf(field)).toBe('must be at least 12 characters'))

    fireEvent.change(field, { target: { value: 'temporary passphrase' } })
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reset password' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(transport.callsTo('users.resetPassword')).toEqual([
      { userId: 2, temporaryPassword: 'short' },
      { userId: 2, temporaryPassword: 'temporary passphrase' },
    ])
  })

  it('sets a user’s manager from the other active people, showing a refusal in the dialog', async () => {
    const transport = administrator()
      .on(
        'users.directory',
        ok([
          { id: 1, username: 'dana', displayName: 'Dana Okafor', roles: ['administrator'] },
          { id: 2, username: 'kim', displayName: 'Kim Lee', roles: ['requester'] },
          { id: 3, username: 'mo', displayName: 'Mo Reyes', roles: ['supervisor'] },
        ]),
      )
      .on('users.setManager', fail('PRECONDITION_FAILED', 'Mo Reyes’s account is deactivated.'))
    renderApp(transport)
    const users = within(await screen.findByRole('table', { name: 'Users' }))
    expect(await users.findByRole('columnheader', { name: 'Manager' })).toBeTruthy()
    expect(users.getAllByRole('cell', { name: '—' })).toHaveLength(2)

    fireEvent.click(users.getByRole('button', { name: 'Set manager for kim' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Manager of Kim Lee' }))
    const field = dialog.getByRole('combobox', { name: 'Manager' })
    expect(field).toHaveProperty('value', 'No manager')
    fireEvent.keyDown(field, { key: 'ArrowDown' })
    await screen.findByRole('option', { name: 'Mo Reyes' })
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual([
      'No manager',
      'Dana Okafor',
      'Mo Reyes',
    ])
    fireEvent.click(screen.getByRole('option', { name: 'Mo Reyes' }))
    fireEvent.click(dialog.getByRole('button', { name: 'Save manager' }))
    expect((await dialog.findByRole('alert')).textContent).toContain('Mo Reyes’s account is deactivated.')

    transport
      .on('users.setManager', (input) => ok({ ...kim, managerId: input.managerId }))
      .on('users.list', ok({ items: [listed(admin), listed({ ...kim, managerId: 3 }, 'Mo Reyes')], total: 2 }))
    fireEvent.click(dialog.getByRole('button', { name: 'Save manager' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(transport.callsTo('users.setManager')).toEqual([
      { userId: 2, managerId: 3 },
      { userId: 2, managerId: 3 },
    ])
    expect(await users.findByRole('cell', { name: 'Mo Reyes' })).toBeTruthy()
  })

  it('refreshes the list when an account changes elsewhere', async () => {
    const transport = administrator()
    renderApp(transport)
    await screen.findByRole('cell', { name: 'Kim Lee' })

    transport.on('users.list', ok({ items: [listed(admin), listed({ ...kim, active: false })], total: 2 }))
    transport.emit('users.changed', { userId: kim.id, change: 'active', at: Date.now() })

    expect(await screen.findByText('Deactivated')).toBeTruthy()
  })

  it('lists sites with their limit profile and saves a new one', async () => {
    const transport = administrator().on('sites.save', (input) =>
      ok(aSite({ id: 2, code: input.code, name: input.name, limitProfile: input.limitProfile })),
    )
    renderApp(transport)
    const sites = within(await screen.findByRole('table', { name: 'Sites' }))
    expect(await sites.findByRole('cell', { name: 'Factory default' })).toBeTruthy()

    fireEvent.click(screen.getByRole('button', { name: 'New site' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'New site' }))
    fireEvent.change(dialog.getByLabelText(/^Code/), { target: { value: 'SOUTH' } })
    fireEvent.change(dialog.getByLabelText(/^Name/), { target: { value: 'South Works' } })
    fireEvent.mouseDown(dialog.getByRole('combobox', { name: 'Limit profile' }))
    fireEvent.click(await screen.findByRole('option', { name: 'OSHA' }))
    fireEvent.change(dialog.getByLabelText('Test freshness (minutes)'), { target: { value: '20' } })
    fireEvent.click(dialog.getByRole('button', { name: 'Create site' }))

    await waitFor(() =>
      expect(transport.callsTo('sites.save')).toEqual([
        {
          code: 'SOUTH',
          name: 'South Works',
          limitProfile: 'osha',
          maxTestAgeMinutes: 20,
          maxReadingGapSeconds: 60,
          entryRequiresGrant: false,
          pendingRequestDays: 7,
          rawReadingDays: 400,
        },
      ]),
    )
  })

  it('refuses to keep raw gas readings less than a year after a permit ends, saying why, before asking', async () => {
    const transport = administrator().on('sites.list', ok([aSite()]))
    transport.on('sites.save', (input) => ok(aSite({ ...input, id: 1 })))
    renderApp(transport)
    const sites = within(await screen.findByRole('table', { name: 'Sites' }))
    expect(await sites.findByRole('cell', { name: '400 d after close' })).toBeTruthy()

    fireEvent.click(sites.getByRole('button', { name: 'Edit site NORTH' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Edit site NORTH' }))
    const days = dialog.getByLabelText(/^Raw gas readings kept after a permit ends/)
    fireEvent.change(days, { target: { value: '200' } })
    fireEvent.click(dialog.getByRole('button', { name: 'Save site' }))
    expect((await dialog.findAllByText(/must be at least 365.*1910\.146\(e\)\(6\)/)).length).toBeGreaterThan(0)
    expect(transport.callsTo('sites.save')).toEqual([])

    fireEvent.change(days, { target: { value: '730' } })
    fireEvent.click(dialog.getByRole('button', { name: 'Save site' }))
    await waitFor(() =>
      expect(transport.callsTo('sites.save')).toEqual([expect.objectContaining({ rawReadingDays: 730 })]),
    )
  })

  it('keeps a site’s access settings when it is edited, and changes them when asked', async () => {
    const transport = administrator().on('sites.list', ok([aSite({ entryRequiresGrant: true, pendingRequestDays: 3 })]))
    transport.on('sites.save', (input) => ok(aSite({ ...input, id: 1 })))
    renderApp(transport)
    const sites = within(await screen.findByRole('table', { name: 'Sites' }))
    expect(await sites.findByRole('cell', { name: 'after 3 d' })).toBeTruthy()

    fireEvent.click(sites.getByRole('button', { name: 'Edit site NORTH' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Edit site NORTH' }))
    expect(dialog.getByRole('checkbox', { name: 'Entry needs an entrant grant' })).toHaveProperty('checked', true)
    fireEvent.change(dialog.getByLabelText(/^Undecided space requests expire after/), { target: { value: '10' } })
    fireEvent.click(dialog.getByRole('button', { name: 'Save site' }))

    await waitFor(() =>
      expect(transport.callsTo('sites.save')).toEqual([
        {
          id: 1,
          code: 'NORTH',
          name: 'North Plant',
          limitProfile: 'factory',
          maxTestAgeMinutes: 30,
          maxReadingGapSeconds: 60,
          entryRequiresGrant: true,
          pendingRequestDays: 10,
          rawReadingDays: 400,
        },
      ]),
    )
  })
})
