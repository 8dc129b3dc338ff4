import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Role } from '../../src/shared/contract/roles'
import { aUser } from './support/fixtures'
import { FakeTransport, ok } from './support/fake-transport'
import { aCard, now } from './support/permit-fixtures'
import { renderApp, scriptSignedIn } from './support/render-app'

const simulated = { permitId: 7, permitNumber: 'NP-2025-0007', instrumentSerial: 'SIM-7', startedAt: now, readings: 42 }

function simulator(roles: Role[] = ['supervisor']): FakeTransport {
  window.location.hash = '#/gas/simulator'
  return scriptSignedIn(new FakeTransport(), aUser(roles))
    .on('simulator.status', ok([]))
    .on(
      'permits.board',
      ok({ cards: [aCard(), aCard({ id: 8, number: 'NP-2025-0008', spaceTag: 'TK-102' })], peopleInside: 2, now }),
    )
    .on('alarms.list', ok({ items: [], hasMore: false }))
    .on('permits.register', ok({ items: [], total: 0 }))
    .on('spaces.list', ok({ items: [], total: 0 }))
}

describe('gas monitor simulator', () => {
  it('starts simulated monitors on chosen permits and stops them', async () => {
    const transport = simulator()
      .on('simulator.start', () => ok([simulated]))
      .on('simulator.stop', () => ok([]))
    renderApp(transport)

    fireEvent.change(await screen.findByRole('combobox', { name: 'Permits to simulate' }), { target: { value: 'NP' } })
    fireEvent.click(await screen.findByRole('option', { name: 'NP-2025-0007 — TK-101, North Plant' }))
    transport.on('simulator.status', ok([simulated]))
    fireEvent.click(screen.getByRole('button', { name: 'Start simulation' }))

    await waitFor(() => expect(transport.callsTo('simulator.start')).toEqual([{ permitIds: [7] }]))
    const running = within(await screen.findByRole('table', { name: 'Simulated monitors' }))
    expect(await running.findByText('SIM-7')).toBeTruthy()
    expect(running.getByText('42')).toBeTruthy()

    fireEvent.click(running.getByRole('button', { name: 'Stop the simulation of NP-2025-0007' }))
    await waitFor(() => expect(transport.callsTo('simulator.stop')).toEqual([{ permitIds: [7] }]))
  })

  it('is not a tab for a safety officer', async () => {
    const transport = simulator(['safety_officer'])
    window.location.hash = '#/gas'
    renderApp(transport)

    const tabs = within(await screen.findByRole('tablist', { name: 'Gas' }))
    expect(tabs.getAllByRole('tab').map((tab) => tab.textContent)).toEqual([
      'Trends',
      'Alarms',
      'Instruments',
      'Import',
    ])
  })
})
