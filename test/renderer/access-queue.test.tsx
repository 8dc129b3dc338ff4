import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { QueueItemDto } from '../../src/shared/contract/access'
import { aQueueItem, aResource, pageOf } from './support/access-fixtures'
import { aUser } from './support/fixtures'
import { FakeTransport, fail, ok } from './support/fake-transport'
import { now } from './support/permit-fixtures'
import { descriptionOf, renderApp, scriptSignedIn } from './support/render-app'

const first = aQueueItem({ id: 12, requester: { id: 21, name: 'Rex Adler' }, durationHours: 8 })
const second = aQueueItem({
  id: 13,
  requester: { id: 22, name: 'Rae Lind' },
  level: 'write',
  justification: 'Fix the March accruals',
})
const third = aQueueItem({ id: 14, requester: { id: 23, name: 'Ola Berg' }, blocksPermit: true })

function approver(items: QueueItemDto[]): FakeTransport {
  window.location.hash = ''
  return scriptSignedIn(new FakeTransport(), aUser(['it_approver'], { id: 31, displayName: 'Ita Brandt' }))
    .on('access.queue', ok(pageOf(items)))
    .on('access.resources', ok([aResource()]))
}

const queueKeys = () => screen.findByRole('group', { name: /^Approval queue/ })
const selectedRow = () => screen.getByRole('row', { selected: true })
const press = (element: HTMLElement, key: string) => fireEvent.keyDown(element, { key })

describe('the approval queue', () => {
  it('is decided with the keyboard: arrows move, A approves (shortened) and D denies, each after a confirmation', async () => {
    const transport = approver([first, second, third]).on('access.decide', (input) =>
      ok({
        ...(input.requestId === 12 ? first : second),
        status: input.decision === 'approve' ? 'approved' : 'denied',
      }),
    )
    renderApp(transport)

    const keys = await queueKeys()
    await waitFor(() => expect(document.activeElement).toBe(keys))
    await waitFor(() => expect(within(selectedRow()).getByText('Rex Adler')).toBeTruthy())
    press(keys, 'ArrowDown')
    expect(within(selectedRow()).getByText('Rae Lind')).toBeTruthy()
    expect(screen.getByRole('region', { name: 'Request #13' }).textContent).toContain('Fix the March accruals')
    press(keys, 'ArrowUp')
    expect(within(selectedRow()).getByText('Rex Adler')).toBeTruthy()

    // A asks first: nothing is decided until the dialog is confirmed.
    press(keys, 'a')
    const approve = within(await screen.findByRole('dialog', { name: 'Approve request #12' }))
    expect(transport.callsTo('access.decide')).toHaveLength(0)
    fireEvent.change(approve.getByLabelText(/^Grant for \(hours\)/), { target: { value: '4' } })
    fireEvent.click(approve.getByRole('button', { name: 'Approve' }))
    await waitFor(() =>
      expect(transport.callsTo('access.decide')).toEqual([
        { requestId: 12, decision: 'approve', comment: '', grantedHours: 4 },
      ]),
    )
    expect(await screen.findByRole('status')).toHaveProperty(
      'textContent',
      'Request #12 of Rex Adler for app:ledger (read) approved.',
    )

    // D: a denial without a reason is not sent.
    press(keys, 'ArrowDown')
    press(keys, 'D')
    const deny = within(await screen.findByRole('dialog', { name: 'Deny request #13' }))
    fireEvent.click(deny.getByRole('button', { name: 'Deny' }))
    expect(descriptionOf(deny.getByLabelText(/^Reason/))).toBe('is required when denying: say why')
    expect(transport.callsTo('access.decide')).toHaveLength(1)
    fireEvent.change(deny.getByLabelText(/^Reason/), { target: { value: 'Not your team' } })
    fireEvent.click(deny.getByRole('button', { name: 'Deny' }))
    await waitFor(() =>
      expect(transport.callsTo('access.decide').at(-1)).toEqual({
        requestId: 13,
        decision: 'deny',
        comment: 'Not your team',
      }),
    )
  })

  it('drops a request another approver decided at once, moving the selection to the one that took its place', async () => {
    const transport = approver([first, second, third])
    renderApp(transport)
    const keys = await queueKeys()
    press(keys, 'ArrowDown')
    press(keys, 'ArrowDown')
    press(keys, 'ArrowUp')
    expect(within(selectedRow()).getByText('Rae Lind')).toBeTruthy()
    press(keys, 'a')
    await screen.findByRole('dialog', { name: 'Approve request #13' })

    transport.on('access.queue', ok(pageOf([first, third])))
    transport.emit('access.requestChanged', { requestId: 13, resourceId: 5, status: 'approved', at: now })

    await waitFor(() => expect(screen.queryByText('Rae Lind')).toBeNull())
    expect(screen.queryByRole('dialog')).toBeNull()
    expect(screen.getByRole('alert').textContent).toMatch(/Request #13 left the queue/)
    expect(within(selectedRow()).getByText('Ola Berg')).toBeTruthy()
  })

  it('shows the server’s refusal in the dialog, under the field it names', async () => {
    const transport = approver([first]).on(
      'access.decide',
      fail('VALIDATION', 'grantedHours must be at most 8 hours for this request (asked for 8 h).', [
        { field: 'grantedHours', rule: 'too_big', message: 'must be at most 8 hours for this request (asked for 8 h)' },
      ]),
    )
    renderApp(transport)
    press(await queueKeys(), 'a')
    const approve = within(await screen.findByRole('dialog', { name: 'Approve request #12' }))
    fireEvent.change(approve.getByLabelText(/^Grant for \(hours\)/), { target: { value: '9' } })
    fireEvent.click(approve.getByRole('button', { name: 'Approve' }))

    await waitFor(() =>
      expect(descriptionOf(approve.getByLabelText(/^Grant for \(hours\)/))).toBe(
        'must be at most 8 hours for this request (asked for 8 h)',
      ),
    )
    expect(approve.getByRole('alert').textContent).toContain(
      'Grant for (hours) must be at most 8 hours for this request (asked for 8 h).',
    )
    expect(approve.getByRole('alert').textContent).not.toContain('grantedHours')
  })
})
