import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { aGrant, aResource, ita, pageOf } from './support/access-fixtures'
import { aUser } from './support/fixtures'
import { FakeTransport, ok } from './support/fake-transport'
import { now } from './support/permit-fixtures'
import { descriptionOf, renderApp, scriptSignedIn } from './support/render-app'

const rexOnLedger = aGrant({ id: 40, lastUsedAt: now - 3_600_000 })
const raeOnLedger = aGrant({ id: 41, holder: { id: 22, name: 'Rae Lind' }, level: 'write' })
const rexOnVpn = aGrant({
  id: 44,
  resource: { id: 6, key: 'grp:vpn-admins', name: 'VPN administrators' },
  level: 'member',
})

describe('who has what', () => {
  it('lists a resource’s holders, a holder’s grants on what the reader keeps, and revokes only with a reason', async () => {
    window.location.hash = '#/access/grants'
    const transport = scriptSignedIn(new FakeTransport(), aUser(['it_approver'], { id: ita.id, displayName: ita.name }))
      .on(
        'access.resources',
        ok([aResource(), aResource({ id: 6, key: 'grp:vpn-admins', name: 'VPN administrators' })]),
      )
      .on('access.grants', (input) =>
        ok(pageOf(input.holderId === 21 ? [rexOnLedger, rexOnVpn] : input.current ? [rexOnLedger, raeOnLedger] : [])),
      )
      .on('access.revokeGrant', (input) =>
        ok({ ...raeOnLedger, endedAt: now, endReason: 'revoked', endNote: input.reason }),
      )
    renderApp(transport)

    const current = within(await screen.findByRole('table', { name: 'Current grants' }))
    await waitFor(() => expect(current.getByText('Rae Lind')).toBeTruthy())
    expect(transport.callsTo('access.grants')[0]).toEqual({ resourceId: 5, current: true, limit: 50 })

    fireEvent.click(current.getByRole('button', { name: 'Revoke grant #41 of Rae Lind' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Revoke Rae Lind’s access to app:ledger' }))
    fireEvent.click(dialog.getByRole('button', { name: 'Revoke access' }))
    expect(descriptionOf(dialog.getByLabelText(/^Reason/))).toBe('is required: say why the access ends now')
    fireEvent.change(dialog.getByLabelText(/^Reason/), { target: { value: 'Moved to sales' } })
    fireEvent.click(dialog.getByRole('button', { name: 'Revoke access' }))
    await waitFor(() =>
      expect(transport.callsTo('access.revokeGrant')).toEqual([{ grantId: 41, reason: 'Moved to sales' }]),
    )
    expect(await screen.findByText('Rae Lind’s access to app:ledger (write) is revoked.')).toBeTruthy()

    fireEvent.click(current.getByRole('button', { name: 'Every grant of Rex Adler' }))
    await waitFor(() =>
      expect(transport.callsTo('access.grants').at(-1)).toEqual({ holderId: 21, current: true, limit: 50 }),
    )
    const his = within(await screen.findByRole('table', { name: 'Current grants' }))
    expect(await his.findByText('grp:vpn-admins')).toBeTruthy()
  })
})
