import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { ExportFileDto } from '../../src/shared/contract/exports'
import { aUser } from './support/fixtures'
import { FakeTransport, fail, ok } from './support/fake-transport'
import { aSite } from './support/permit-fixtures'
import { renderApp, scriptSignedIn } from './support/render-app'

const pack = (name: string, rows = 2): ExportFileDto => ({
  name,
  path: `/data/exports/7/${name}`,
  bytes: 48_213,
  sha256: 'c0ffee'.repeat(10) + 'abcd',
  rows,
  checkpoint: { seq: 812, hash: 'ab'.repeat(32), keyId: '0123456789abcdef' },
  at: Date.UTC(2026, 10, 30),
})

const register = {
  items: [
    {
      id: 12,
      spaceName: 'Tank 101',
      permitNumber: 'CSE-NORTH-2026-0012',
      status: 'closed' as const,
      location: 'North yard',
      issuedBy: 'Sue Park',
      validFrom: 0,
      validTo: 1,
    },
  ],
  total: 1,
}

function safetyOfficer(): FakeTransport {
  window.location.hash = '#/evidence'
  return scriptSignedIn(new FakeTransport(), aUser(['safety_officer']))
    .on('sites.list', ok([aSite({ id: 3, code: 'NORTH', name: 'North plant' })]))
    .on('permits.register', ok(register))
}

describe('the evidence page', () => {
  it('writes the annual review of a year and a site, and says where it lies', async () => {
    const transport = safetyOfficer().on(
      'evidence.annualReview',
      ok(pack('annual-review-2026-NORTH-2026-11-30T00-00-00Z.zip')),
    )
    renderApp(transport)
    fireEvent.change(await screen.findByLabelText('Year'), { target: { value: '2026' } })
    fireEvent.mouseDown(screen.getByLabelText('Site'))
    fireEvent.click(await screen.findByRole('option', { name: 'NORTH North plant' }))
    fireEvent.click(screen.getByRole('button', { name: 'Write the review pack' }))
    // The year of this workstation's calendar: it ends at midnight here, not in UTC.
    await waitFor(() =>
      expect(transport.callsTo('evidence.annualReview')).toEqual([
        { year: 2026, siteId: 3, timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone },
      ]),
    )
    expect(screen.getByText(/in this workstation’s zone/).textContent).toContain(
      `(${Intl.DateTimeFormat().resolvedOptions().timeZone})`,
    )
    const status = await screen.findByRole('status')
    expect(status.textContent).toMatch(
      /annual-review-2026-NORTH-.*\.zip written \(48 kB, SHA-256 c0ffeec0ffee…\), ending at audit entry 812/,
    )
    expect(status.textContent).toContain('It is in /data/exports/7/')
  })

  it('refuses a year out of range before asking, and shows the server’s refusal as it came', async () => {
    const transport = safetyOfficer().on(
      'evidence.annualReview',
      fail('FORBIDDEN', 'Your roles do not allow this action.'),
    )
    renderApp(transport)
    fireEvent.change(await screen.findByLabelText('Year'), { target: { value: '1999' } })
    expect((screen.getByRole('button', { name: 'Write the review pack' }) as HTMLButtonElement).disabled).toBe(true)
    expect(screen.getByText('A year from 2000 to 2100')).toBeTruthy()
    fireEvent.change(screen.getByLabelText('Year'), { target: { value: '2025' } })
    fireEvent.click(screen.getByRole('button', { name: 'Write the review pack' }))
    expect(await screen.findByText('Your roles do not allow this action.')).toBeTruthy()
  })

  it('writes a permit’s evidence pack picked from the register', async () => {
    const transport = safetyOfficer().on('evidence.permitPack', ok(pack('evidence-CSE-NORTH-2026-0012.zip', 1)))
    renderApp(transport)
    const section = within(await screen.findByRole('region', { name: 'A permit’s evidence pack' }))
    fireEvent.mouseDown(section.getByLabelText('Permit'))
    fireEvent.click(await screen.findByRole('option', { name: 'CSE-NORTH-2026-0012 — Tank 101 (closed)' }))
    fireEvent.click(section.getByRole('button', { name: 'Write the evidence pack' }))
    await waitFor(() => expect(transport.callsTo('evidence.permitPack')).toEqual([{ permitId: 12 }]))
    expect((await section.findByRole('status')).textContent).toContain('evidence-CSE-NORTH-2026-0012.zip written')
  })
})
