import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { DeviceDto } from '../../src/shared/contract/devices'
import { aUser } from './support/fixtures'
import { FakeTransport, ok } from './support/fake-transport'
import { aSite, now } from './support/permit-fixtures'
import { descriptionOf, renderApp, scriptSignedIn } from './support/render-app'
import { scriptSystem } from './support/system-fixtures'

const token = 'ghd_5f2c9a7e41b04d6f8a3e2b1c0d9e8f7a'

const aDevice = (overrides: Partial<DeviceDto> = {}): DeviceDto => ({
  id: 3,
  name: 'Gateway north yard',
  siteId: 1,
  siteName: 'North Plant',
  scope: 'post_readings',
  tokenPrefix: 'ghd_5f2c',
  createdAt: now,
  createdBy: 'Dana Okafor',
  lastUsedAt: null,
  revokedAt: null,
  revokedReason: null,
  ...overrides,
})

function administrator(devices: DeviceDto[] = []): FakeTransport {
  window.location.hash = '#/admin'
  return scriptSystem(scriptSignedIn(new FakeTransport(), aUser(['administrator'])))
    .on('users.list', ok({ items: [], total: 0 }))
    .on('sites.list', ok([aSite()]))
    .on('devices.list', ok(devices))
}

describe('field devices', () => {
  it('shows a new token once, with a warning and a copy button, and never again', async () => {
    const transport = administrator().on('devices.create', (input) =>
      ok({ device: aDevice({ name: input.name }), token }),
    )
    renderApp(transport)

    fireEvent.click(await screen.findByRole('button', { name: 'New device' }))
    const form = within(await screen.findByRole('dialog', { name: 'New field device' }))
    fireEvent.change(form.getByLabelText(/^Name/), { target: { value: 'Gateway north yard' } })
    transport.on('devices.list', ok([aDevice()]))
    fireEvent.click(form.getByRole('button', { name: 'Create token' }))

    const shown = await screen.findByRole('dialog', { name: 'Token for Gateway north yard' })
    expect(transport.callsTo('devices.create')).toEqual([{ name: 'Gateway north yard', siteId: 1 }])
    expect(within(shown).getByLabelText('Device token')).toHaveProperty('value', token)
    expect(descriptionOf(shown)).toMatch(/It will not be shown again/)
    expect(within(shown).getByRole('button', { name: 'Copy' })).toBeTruthy()

    fireEvent.click(within(shown).getByRole('button', { name: 'I have copied it' }))

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    const list = within(await screen.findByRole('table', { name: 'Field devices' }))
    expect(await list.findByText('ghd_5f2c…')).toBeTruthy()
    expect(document.body.textContent).not.toContain(token)
    expect(screen.queryByDisplayValue(token)).toBeNull()
  })

  it('revokes a token only with a reason', async () => {
    const transport = administrator([aDevice()]).on('devices.revoke', (input) =>
      ok(aDevice({ revokedAt: now, revokedReason: input.reason })),
    )
    renderApp(transport)

    fireEvent.click(await screen.findByRole('button', { name: 'Revoke Gateway north yard' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Revoke Gateway north yard' }))
    fireEvent.click(dialog.getByRole('button', { name: 'Revoke token' }))
    expect(descriptionOf(dialog.getByLabelText(/^Reason/))).toBe('is required: say why the token is revoked')
    expect(transport.callsTo('devices.revoke')).toHaveLength(0)

    fireEvent.change(dialog.getByLabelText(/^Reason/), { target: { value: 'Gateway replaced' } })
    fireEvent.click(dialog.getByRole('button', { name: 'Revoke token' }))

    await waitFor(() =>
      expect(transport.callsTo('devices.revoke')).toEqual([{ deviceId: 3, reason: 'Gateway replaced' }]),
    )
  })
})
