import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { toLocalInput } from '../../src/renderer/src/format/local-datetime'
import type { GrantDto, RequestDto } from '../../src/shared/contract/access'
import { aGrant, aRequest, aResource, pageOf } from './support/access-fixtures'
import { aUser } from './support/fixtures'
import { FakeTransport, fail, ok } from './support/fake-transport'
import { descriptionOf, renderApp, scriptSignedIn } from './support/render-app'

const ledger = aResource()
const vpn = aResource({
  id: 6,
  key: 'grp:vpn-admins',
  name: 'VPN administrators',
  kind: 'group',
  levels: ['member'],
  riskTier: 'high',
  approvalsNeeded: 2,
  maxDurationHours: 8,
  justificationTemplate: null,
})

function requester(options: { requests?: RequestDto[]; grants?: GrantDto[] } = {}): FakeTransport {
  window.location.hash = '#/access'
  return scriptSignedIn(new FakeTransport(), aUser(['requester'], { id: 21, displayName: 'Rex Adler' }))
    .on('access.resources', ok([ledger, vpn]))
    .on('access.requests', ok(pageOf(options.requests ?? [])))
    .on('access.grants', (input) => ok(pageOf(input.current ? (options.grants ?? []) : [])))
    .on('users.reports', ok([]))
}

async function openRequestDialog() {
  fireEvent.click(await screen.findByRole('button', { name: 'Request access' }))
  return within(await screen.findByRole('dialog', { name: 'Request access' }))
}

async function chooseResource(dialog: ReturnType<typeof within>, key: string) {
  const field = dialog.getByRole('combobox', { name: /^Resource/ })
  // As a person does: into the field first (a refused submit may have taken the focus elsewhere).
  field.focus()
  fireEvent.change(field, { target: { value: key } })
  fireEvent.click(await screen.findByRole('option', { name: new RegExp(`^${key}`) }))
}

describe('asking for access', () => {
  it('starts the justification from the resource’s template, offers its levels and holds the duration to its maximum', async () => {
    const transport = requester().on('access.fileRequest', (input) =>
      ok(aRequest({ id: 17, level: input.level, durationHours: input.durationHours })),
    )
    renderApp(transport)

    const dialog = await openRequestDialog()
    await chooseResource(dialog, 'app:ledger')
    expect(dialog.getByLabelText(/^Justification/)).toHaveProperty('value', 'Ticket: \nWhy: ')
    expect(descriptionOf(dialog.getByLabelText(/^Duration \(hours\)/))).toBe('At most 72 hours (3 d) for app:ledger.')
    fireEvent.change(dialog.getByLabelText(/^Justification/), { target: { value: 'Ticket: FIN-88\nWhy: close' } })
    fireEvent.change(dialog.getByLabelText(/^Duration \(hours\)/), { target: { value: '100' } })
    fireEvent.click(dialog.getByRole('button', { name: 'Send request' }))
    expect(descriptionOf(dialog.getByLabelText(/^Duration \(hours\)/))).toBe('must be at most 72 hours for app:ledger')
    expect(transport.callsTo('access.fileRequest')).toHaveLength(0)

    // Another resource without a template: the words already written stay.
    await chooseResource(dialog, 'grp:vpn-admins')
    expect(dialog.getByLabelText(/^Justification/)).toHaveProperty('value', 'Ticket: FIN-88\nWhy: close')
    expect(descriptionOf(dialog.getByRole('combobox', { name: /^Resource/ }))).toMatch(/two approvers must agree/)
    fireEvent.change(dialog.getByLabelText(/^Duration \(hours\)/), { target: { value: '4' } })
    fireEvent.click(dialog.getByRole('button', { name: 'Send request' }))

    await waitFor(() =>
      expect(transport.callsTo('access.fileRequest')).toEqual([
        { resourceId: 6, level: 'member', justification: 'Ticket: FIN-88\nWhy: close', durationHours: 4 },
      ]),
    )
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(screen.getByRole('status').textContent).toBe('Request #17 for app:ledger (member) sent to its approvers.')
  })

  it('shows each of the server’s field issues under the field it names, and a refused duplicate by name', async () => {
    const transport = requester().on(
      'access.fileRequest',
      fail('VALIDATION', 'startsAt must not be in the past; justification is required.', [
        { field: 'startsAt', rule: 'too_small', message: 'must not be in the past' },
        { field: 'justification', rule: 'too_small', message: 'is required' },
      ]),
    )
    renderApp(transport)
    const dialog = await openRequestDialog()
    await chooseResource(dialog, 'app:ledger')
    fireEvent.change(dialog.getByLabelText(/^Justification/), { target: { value: 'Ticket: FIN-88' } })
    fireEvent.change(dialog.getByLabelText(/^Start/), { target: { value: '2020-01-01T08:00' } })
    fireEvent.click(dialog.getByRole('button', { name: 'Send request' }))

    await waitFor(() => expect(descriptionOf(dialog.getByLabelText(/^Start/))).toBe('must not be in the past'))
    expect(descriptionOf(dialog.getByLabelText(/^Justification/))).toBe('is required')
    // The summary names them as the form labels them, in the form's order, never by their paths.
    expect(dialog.getByRole('alert').textContent).toContain('Justification is required.')
    expect(dialog.getByRole('alert').textContent).not.toMatch(/startsAt|justification /)

    transport.on(
      'access.fileRequest',
      fail(
        'CONFLICT',
        'Request #9 for app:ledger at level read is already pending (filed 2025-06-02 09:00 UTC); edit or withdraw it instead.',
      ),
    )
    fireEvent.click(dialog.getByRole('button', { name: 'Send request' }))
    expect((await dialog.findByRole('alert')).textContent).toContain('Request #9 for app:ledger at level read')
  })

  it('lets an administrator ask on someone’s behalf', async () => {
    window.location.hash = '#/access/mine'
    const transport = scriptSignedIn(new FakeTransport(), aUser(['administrator']))
      .on('access.resources', ok([ledger]))
      .on('access.requests', ok(pageOf([])))
      .on('access.grants', ok(pageOf([])))
      .on('users.directory', ok([{ id: 21, username: 'rex', displayName: 'Rex Adler', roles: ['requester'] }]))
      .on('access.fileRequest', () => ok(aRequest({ id: 19, filedBy: { id: 1, name: 'Dana Okafor' } })))
    renderApp(transport)

    const dialog = await openRequestDialog()
    fireEvent.change(dialog.getByRole('combobox', { name: /^For/ }), { target: { value: 'Rex' } })
    fireEvent.click(await screen.findByRole('option', { name: 'Rex Adler' }))
    await chooseResource(dialog, 'app:ledger')
    fireEvent.change(dialog.getByLabelText(/^Justification/), { target: { value: 'Ticket: FIN-95' } })
    fireEvent.click(dialog.getByRole('button', { name: 'Send request' }))

    await waitFor(() =>
      expect(transport.callsTo('access.fileRequest')).toEqual([
        { resourceId: 5, level: 'read', justification: 'Ticket: FIN-95', durationHours: 8, onBehalfOf: 21 },
      ]),
    )
    expect((await screen.findByRole('status')).textContent).toBe(
      'Request #19 for app:ledger (read), on behalf of Rex Adler, sent to its approvers.',
    )
  })

  it('lets a manager who is no administrator ask for their reports, and only them', async () => {
    const transport = requester().on('access.fileRequest', () =>
      ok(aRequest({ id: 20, requester: { id: 22, name: 'Ria Patel' }, filedBy: { id: 21, name: 'Rex Adler' } })),
    )
    renderApp(transport)
    let dialog = await openRequestDialog()
    await waitFor(() => expect(transport.callsTo('users.reports')).toHaveLength(1))
    expect(dialog.queryByRole('combobox', { name: /^For/ })).toBeNull()
    fireEvent.click(dialog.getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())

    // An administrator makes Rex a manager meanwhile: the next dialog asks again.
    transport.on('users.reports', ok([{ id: 22, username: 'ria', displayName: 'Ria Patel' }]))
    dialog = await openRequestDialog()
    const forField = await dialog.findByRole('combobox', { name: /^For/ })
    expect(descriptionOf(forField)).toBe(
      'Empty: for yourself. Your reports: filed for them, it is theirs, and you may not decide it.',
    )
    fireEvent.keyDown(forField, { key: 'ArrowDown' })
    await screen.findByRole('option', { name: 'Ria Patel' })
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual(['Ria Patel'])
    fireEvent.click(screen.getByRole('option', { name: 'Ria Patel' }))
    await chooseResource(dialog, 'app:ledger')
    fireEvent.change(dialog.getByLabelText(/^Justification/), { target: { value: 'Ticket: FIN-96' } })
    fireEvent.click(dialog.getByRole('button', { name: 'Send request' }))

    await waitFor(() =>
      expect(transport.callsTo('access.fileRequest')).toEqual([
        { resourceId: 5, level: 'read', justification: 'Ticket: FIN-96', durationHours: 8, onBehalfOf: 22 },
      ]),
    )
    // A manager is offered their reports, never the whole directory.
    expect(transport.callsTo('users.directory')).toEqual([])
  })

  it('extends a grant with a request prefilled from it, starting at its end', async () => {
    // Running by the workstation's clock, which this screen counts on (a requester reads no server time).
    const grant = aGrant({ validFrom: Date.now() - 2 * 3_600_000, validTo: Date.now() + 6 * 3_600_000 + 30_000 })
    const transport = requester({ grants: [grant] }).on('access.fileRequest', () => ok(aRequest({ id: 18 })))
    renderApp(transport)

    fireEvent.click(await screen.findByRole('button', { name: 'Extend grant #40 of app:ledger' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Extend app:ledger (read)' }))
    expect(dialog.getByRole('combobox', { name: /^Resource/ })).toHaveProperty('value', 'app:ledger — General ledger')
    expect(dialog.getByLabelText(/^Justification/)).toHaveProperty('value', 'Month-end close')
    expect(dialog.getByLabelText(/^Start/)).toHaveProperty(
      'value',
      toLocalInput(Math.ceil(grant.validTo / 60_000) * 60_000),
    )
    expect(dialog.getByLabelText(/^Duration \(hours\)/)).toHaveProperty('value', '8')
    fireEvent.click(dialog.getByRole('button', { name: 'Send request' }))

    await waitFor(() =>
      expect(transport.callsTo('access.fileRequest')).toEqual([
        {
          resourceId: 5,
          level: 'read',
          justification: 'Month-end close',
          durationHours: 8,
          startsAt: Math.ceil(grant.validTo / 60_000) * 60_000,
        },
      ]),
    )
  })

  it('lets the requester change or withdraw a pending request, and shows how decided ones ended', async () => {
    const pending = aRequest()
    const denied = aRequest({
      id: 11,
      level: 'admin',
      status: 'denied',
      statusReason: 'Admin is for the finance team',
      approvals: [
        {
          approver: { id: 31, name: 'Ita Brandt' },
          decision: 'deny',
          comment: 'Admin is for the finance team',
          grantedUntil: null,
          at: pending.createdAt,
        },
      ],
    })
    const transport = requester({ requests: [pending, denied] })
      .on('access.editRequest', (input) => ok({ ...pending, durationHours: input.durationHours ?? 8 }))
      .on('access.withdrawRequest', () => ok({ ...pending, status: 'withdrawn' }))
    renderApp(transport)

    const table = within(await screen.findByRole('table', { name: 'My requests' }))
    expect(table.getByText('by Ita Brandt: Admin is for the finance team')).toBeTruthy()
    expect(table.queryByRole('button', { name: 'Edit request #11' })).toBeNull()

    fireEvent.click(table.getByRole('button', { name: 'Edit request #12' }))
    const edit = within(await screen.findByRole('dialog', { name: 'Edit request #12' }))
    expect(edit.getByRole('combobox', { name: /^Resource/ })).toHaveProperty('disabled', true)
    fireEvent.change(edit.getByLabelText(/^Duration \(hours\)/), { target: { value: '4' } })
    fireEvent.click(edit.getByRole('button', { name: 'Save request' }))
    // The start, unchanged and now in the past, is not sent back.
    await waitFor(() =>
      expect(transport.callsTo('access.editRequest')).toEqual([
        { requestId: 12, justification: 'Month-end close', durationHours: 4 },
      ]),
    )

    fireEvent.click(await table.findByRole('button', { name: 'Withdraw request #12' }))
    const withdraw = within(await screen.findByRole('dialog', { name: 'Withdraw request #12' }))
    fireEvent.change(withdraw.getByLabelText(/^Note/), { target: { value: 'Done without it' } })
    fireEvent.click(withdraw.getByRole('button', { name: 'Withdraw request' }))
    await waitFor(() =>
      expect(transport.callsTo('access.withdrawRequest')).toEqual([{ requestId: 12, note: 'Done without it' }]),
    )
  })
})
