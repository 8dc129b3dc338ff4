import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { fail, ok } from './support/fake-transport'
import { authorizationStatement } from '../../src/shared/domain/authorization-statement'
import { aDetail, anEvacuation } from './support/permit-fixtures'
import { permitPage } from './support/permit-page'
import { descriptionOf, renderApp } from './support/render-app'

const pending = aDetail(
  { authorization: null, allowedActions: ['return_to_draft', 'authorize', 'cancel'] },
  { state: 'pending_authorization', inside: [] },
)

describe('permit actions', () => {
  it('offers a supervisor the actions the permit allows, and an attendant only what their role may call', async () => {
    renderApp(permitPage(pending))
    expect(await screen.findByRole('button', { name: 'Authorize' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Return to draft' })).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Cancel permit' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Suspend' })).toBeNull()
  })

  it('leaves the signature to the entry supervisor named on the permit', async () => {
    renderApp(permitPage({ ...pending, entrySupervisorId: 2 }))

    expect(await screen.findByText(/^Waiting for Dana Okafor, the entry supervisor named on the permit/)).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Authorize' })).toBeNull()
    expect(screen.getByRole('button', { name: 'Return to draft' })).toBeTruthy()
  })

  it('hides the supervisor’s actions from an attendant, but keeps Evacuate', async () => {
    renderApp(permitPage(aDetail(), ['attendant']))

    expect(await screen.findByRole('button', { name: 'Evacuate' })).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Suspend' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Close' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Transfer entry supervisor' })).toBeNull()
  })

  it('authorizes with the supervisor’s password as signature, after showing the statement', async () => {
    const transport = permitPage(pending).on(
      'permits.authorize',
      fail('VALIDATION', 'The password you entered to sign is wrong.', [
        { field: 'password', rule: 'signature', message: 'is not your password' },
      ]),
    )
    renderApp(transport)

    fireEvent.click(await screen.findByRole('button', { name: 'Authorize' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Authorize permit NP-2025-0007' }))
    expect(dialog.getByRole('note', { name: 'Statement' }).textContent).toMatch(
      /^I, Dana Okafor \(dana\), entry supervisor, authorize entry into TK-101 under permit NP-2025-0007/,
    )
    fireEvent.change(dialog.getByLabelText('Password'), { target: { value: 'correct horse battery' } })
    fireEvent.click(dialog.getByRole('button', { name: 'Sign and authorize' }))

    await waitFor(() => expect(descriptionOf(dialog.getByLabelText('Password'))).toBe('is not your password'))
    expect(transport.callsTo('permits.authorize')).toEqual([
      { permitId: 7, password: 'correct horse battery', confirmedMeasures: [] },
    ])
  })

  it('asks the signer to confirm each measure not yet ticked, then signs the statement the server records', async () => {
    const unticked = aDetail(
      {
        authorization: null,
        allowedActions: ['return_to_draft', 'authorize', 'cancel'],
        fields: {
          ...pending.fields,
          isolationMeasures: [
            { measure: 'Lock out inlet valve V-12', done: true },
            { measure: 'Blind flange on line 4', done: false },
          ],
        },
      },
      { state: 'pending_authorization', inside: [] },
    )
    const transport = permitPage(unticked).on('permits.authorize', ok(unticked))
    renderApp(transport)

    fireEvent.click(await screen.findByRole('button', { name: 'Authorize' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Authorize permit NP-2025-0007' }))
    const { card } = unticked
    expect(dialog.getByRole('note', { name: 'Statement' }).textContent).toBe(
      authorizationStatement({
        displayName: 'Dana Okafor',
        username: 'dana',
        spaceTag: card.spaceTag,
        permitNumber: card.number,
        validFrom: card.validFrom,
        validTo: card.validTo,
      }),
    )
    expect(dialog.getByRole('note', { name: 'Statement' }).textContent).toMatch(
      /valid \d{4}-\d\d-\d\d \d\d:\d\d UTC to/,
    )
    const sign = dialog.getByRole('button', { name: 'Sign and authorize' }) as HTMLButtonElement
    fireEvent.change(dialog.getByLabelText('Password'), { target: { value: 'correct horse battery' } })
    expect(sign.disabled).toBe(true)
    expect(dialog.queryByLabelText('In place: Lock out inlet valve V-12')).toBeNull()
    fireEvent.click(dialog.getByLabelText('In place: Blind flange on line 4'))
    expect(sign.disabled).toBe(false)
    fireEvent.click(sign)

    await waitFor(() =>
      expect(transport.callsTo('permits.authorize')).toEqual([
        { permitId: 7, password: 'correct horse battery', confirmedMeasures: ['Blind flange on line 4'] },
      ]),
    )
  })

  it('fills the button of what matters now: the next step on an empty permit, Evacuate while anyone is inside', async () => {
    const filled = (name: string) => screen.getByRole('button', { name }).className.includes('MuiButton-contained')
    renderApp(permitPage(pending))
    await screen.findByRole('button', { name: 'Authorize' })
    expect(filled('Authorize')).toBe(true)
    expect(filled('Evacuate')).toBe(false)
    expect(filled('Cancel permit')).toBe(false)
  })

  it('fills Evacuate, and nothing else, while someone is inside', async () => {
    const filled = (name: string) => screen.getByRole('button', { name }).className.includes('MuiButton-contained')
    renderApp(permitPage(aDetail()))
    await screen.findByRole('button', { name: 'Evacuate' })
    expect(filled('Evacuate')).toBe(true)
    const toolbar = within(screen.getByRole('button', { name: 'Evacuate' }).parentElement ?? document.body)
    expect(
      toolbar
        .getAllByRole('button')
        .filter((b) => b.className.includes('MuiButton-contained'))
        .map((b) => b.textContent),
    ).toEqual(['Evacuate'])
  })

  it('will not close a permit without close-out notes', async () => {
    const transport = permitPage()
    renderApp(transport)

    fireEvent.click(await screen.findByRole('button', { name: 'Close' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Close permit' }))
    fireEvent.click(dialog.getByRole('button', { name: 'Close permit' }))

    expect(descriptionOf(dialog.getByLabelText(/^Close-out notes/))).toMatch(/^Close-out notes are required/)
    expect(transport.callsTo('permits.transition')).toHaveLength(0)
  })

  it('suspends without asking for paperwork', async () => {
    const transport = permitPage().on('permits.transition', ok(aDetail({}, { state: 'suspended' })))
    renderApp(transport)

    fireEvent.click(await screen.findByRole('button', { name: 'Suspend' }))
    fireEvent.click(
      within(await screen.findByRole('dialog', { name: 'Suspend permit' })).getByRole('button', { name: 'Suspend' }),
    )

    await waitFor(() => expect(transport.callsTo('permits.transition')).toEqual([{ permitId: 7, action: 'suspend' }]))
  })

  it('transfers the entry supervisor only once the conditions are confirmed', async () => {
    const transport = permitPage().on('permits.transferSupervisor', ok(aDetail()))
    renderApp(transport)

    fireEvent.click(await screen.findByRole('button', { name: 'Transfer entry supervisor' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Transfer entry supervisor of NP-2025-0007' }))
    fireEvent.mouseDown(await dialog.findByRole('combobox', { name: /^New entry supervisor/ }))
    fireEvent.click(await screen.findByRole('option', { name: 'Lee Novak (lee)' }))
    fireEvent.click(dialog.getByRole('button', { name: 'Transfer' }))
    expect(dialog.getByText('must be confirmed by the new entry supervisor')).toBeTruthy()
    expect(transport.callsTo('permits.transferSupervisor')).toHaveLength(0)

    fireEvent.click(dialog.getByRole('checkbox', { name: 'I have confirmed the entry conditions' }))
    fireEvent.click(dialog.getByRole('button', { name: 'Transfer' }))

    await waitFor(() =>
      expect(transport.callsTo('permits.transferSupervisor')).toEqual([
        { permitId: 7, newSupervisorId: 9, conditionsConfirmed: true, note: '' },
      ]),
    )
  })

  it('orders an evacuation of this permit’s space with a reason', async () => {
    const transport = permitPage().on('evacuations.order', (input) =>
      ok(
        anEvacuation({
          scope: 'permit',
          permitId: input.permitId ?? null,
          scopeLabel: 'NP-2025-0007 (TK-101)',
          reason: input.reason,
        }),
      ),
    )
    renderApp(transport)

    fireEvent.click(await screen.findByRole('button', { name: 'Evacuate' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Evacuate TK-101' }))
    fireEvent.click(dialog.getByRole('button', { name: 'Gas alarm' }))
    fireEvent.click(dialog.getByRole('button', { name: 'Order evacuation' }))

    await waitFor(() => expect(transport.callsTo('evacuations.order')).toEqual([{ permitId: 7, reason: 'Gas alarm' }]))
  })

  it('refetches the permit when one of its events arrives, and ignores other permits', async () => {
    const transport = permitPage()
    renderApp(transport)
    await screen.findByRole('heading', { name: 'Permit NP-2025-0007' })
    const asked = transport.callsTo('permits.get').length

    transport.emit('permits.changed', { permitId: 99, state: 'active', at: 0 })
    transport.on('permits.get', ok(aDetail({}, { state: 'suspended' })))
    transport.emit('permits.changed', { permitId: 7, state: 'suspended', at: 0 })

    expect(await screen.findByText('Suspended')).toBeTruthy()
    expect(transport.callsTo('permits.get').length).toBe(asked + 1)
  })
})
