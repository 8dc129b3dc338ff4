import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { HandoverDto, HandoverReportDto } from '../../src/shared/contract/handover'
import { aUser } from './support/fixtures'
import { FakeTransport, ok } from './support/fake-transport'
import { aCard, now } from './support/permit-fixtures'
import { renderApp, scriptSignedIn } from './support/render-app'

const report: HandoverReportDto = {
  at: now,
  siteId: null,
  shiftHours: 12,
  activePermits: [aCard()],
  attendants: [],
  openAlarms: [
    {
      permitNumber: 'NP-2025-0007',
      spaceTag: 'TK-101',
      spaceName: 'Tank 101',
      alarm: 'Test is stale while 2 people are inside.',
    },
  ],
  expiringNextShift: [{ permitId: 7, permitNumber: 'NP-2025-0007', validTo: now + 3_600_000 }],
  pendingAuthorization: [
    {
      permitId: 9,
      permitNumber: 'NP-2025-0009',
      spaceTag: 'PT-412',
      spaceName: 'Sump pit 412',
      preparedBy: 'Chris Wu',
      since: now - 3_600_000,
    },
  ],
  peopleInside: 2,
  exposureExceedances: [
    {
      personKey: 'name:sam ortiz',
      personName: 'Sam Ortiz',
      shiftStartsAt: now - 3 * 3_600_000,
      lastExitAt: now - 2 * 3_600_000,
      ongoing: false,
      exceeded: [{ gas: 'h2s', measure: 'stel', value: 16, limit: 15 }],
      stays: [
        {
          permitId: 7,
          permitNumber: 'NP-2025-0007',
          siteId: 1,
          spaceTag: 'TK-101',
          spaceName: 'Tank 101',
          entryAt: now - 3 * 3_600_000,
          exitAt: now - 2 * 3_600_000,
        },
      ],
    },
  ],
}

const signed: HandoverDto = {
  id: 5,
  report,
  notes: 'Fan on TK-101 is noisy.',
  outgoingId: 42,
  outgoing: 'Chris Wu',
  signedAt: now - 60_000,
  incoming: null,
  acknowledgedAt: null,
  checkpoint: { seq: 41, hash: 'ab'.repeat(32), keyId: '0123456789abcdef', at: now - 60_000 },
}

function handoverPage(): FakeTransport {
  window.location.hash = '#/handover'
  return scriptSignedIn(new FakeTransport(), aUser(['supervisor']))
    .on('handover.draft', ok(report))
    .on('handover.list', ok([signed]))
}

describe('handover page', () => {
  it('shows the report: people inside, open alarms and permits expiring next shift', async () => {
    renderApp(handoverPage())

    const region = within(await screen.findByRole('region', { name: 'Handover report' }))
    expect(region.getByText('2 people inside now.')).toBeTruthy()
    expect(region.getByText('TK-101 Tank 101 — NP-2025-0007: Test is stale while 2 people are inside.')).toBeTruthy()
    expect(region.getByRole('list', { name: 'Expiring next shift' }).textContent).toContain('NP-2025-0007')
    expect(region.getByRole('list', { name: 'Pending authorization' }).textContent).toContain(
      'PT-412 Sump pit 412, prepared by Chris Wu',
    )
  })

  it('names each exposure limit exceeded in the shift, the person linked to their page', async () => {
    renderApp(handoverPage())

    const region = within(await screen.findByRole('region', { name: 'Handover report' }))
    const exceeded = within(region.getByRole('list', { name: 'Exposure limits exceeded' }))
    expect(exceeded.getByRole('listitem').textContent).toMatch(
      /^Sam Ortiz: H2S 15 min STEL 16 ppm, above the limit of 15 ppm — shift from .+, in TK-101$/,
    )
    expect(exceeded.getByRole('link', { name: 'Sam Ortiz' }).getAttribute('href')).toBe('#/people/name%3Asam%20ortiz')
  })

  it('shows each signed handover with the audit checkpoint signed with it', async () => {
    renderApp(handoverPage())

    const history = await screen.findByRole('table', { name: 'Recent handovers' })
    await waitFor(() =>
      expect(within(history).getByText(`entry 41 · ${'ab'.repeat(6)}… · key 0123456789abcdef`)).toBeTruthy(),
    )
  })

  it('never offers the outgoing supervisor to acknowledge their own handover', async () => {
    window.location.hash = '#/handover'
    const transport = scriptSignedIn(new FakeTransport(), aUser(['supervisor'], { id: 42 }))
      .on('handover.draft', ok(report))
      .on('handover.list', ok([signed]))
    renderApp(transport)

    const history = await screen.findByRole('table', { name: 'Recent handovers' })
    await waitFor(() => expect(within(history).getByText('Awaiting the incoming supervisor')).toBeTruthy())
    expect(within(history).queryByRole('button', { name: /^Acknowledge/ })).toBeNull()
  })

  it('signs the handover with the notes and the password', async () => {
    const transport = handoverPage().on('handover.sign', ok(signed))
    renderApp(transport)
    await screen.findByRole('region', { name: 'Handover report' })

    fireEvent.change(screen.getByLabelText('Handover notes'), { target: { value: 'Fan on TK-101 is noisy.' } })
    fireEvent.click(screen.getByRole('button', { name: 'Sign handover' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Sign handover' }))
    fireEvent.change(dialog.getByLabelText('Password'), { target: { value: 'correct horse battery' } })
    fireEvent.click(dialog.getByRole('button', { name: 'Sign handover' }))

    await waitFor(() =>
      expect(transport.callsTo('handover.sign')).toEqual([
        { shiftHours: 12, notes: 'Fan on TK-101 is noisy.', password: 'correct horse battery' },
      ]),
    )
  })

  it('acknowledges the handover as it was signed: the stored report, its signed time, sent back', async () => {
    const transport = handoverPage().on(
      'handover.acknowledge',
      ok({ ...signed, incoming: 'Dana Okafor', acknowledgedAt: now }),
    )
    renderApp(transport)

    fireEvent.click(await screen.findByRole('button', { name: /^Acknowledge handover from Chris Wu/ }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Acknowledge handover' }))
    const stored = within(dialog.getByRole('region', { name: 'Signed report' }))
    expect(stored.getByText('Notes: Fan on TK-101 is noisy.')).toBeTruthy()
    expect(stored.getByText(/TK-101 Tank 101 — NP-2025-0007/)).toBeTruthy()
    fireEvent.change(dialog.getByLabelText('Password'), { target: { value: 'correct horse battery' } })
    fireEvent.click(dialog.getByRole('button', { name: 'Acknowledge' }))

    await waitFor(() =>
      expect(transport.callsTo('handover.acknowledge')).toEqual([
        { handoverId: 5, signedAt: now - 60_000, password: 'correct horse battery' },
      ]),
    )
  })

  it('draws the report again for a different shift length', async () => {
    const transport = handoverPage()
    renderApp(transport)
    await screen.findByRole('region', { name: 'Handover report' })

    fireEvent.change(screen.getByLabelText('Shift hours'), { target: { value: '8' } })

    await waitFor(() => expect(transport.callsTo('handover.draft').at(-1)).toEqual({ shiftHours: 8 }))
  })
})
