import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { ExposureShiftDto, PersonExposureDto } from '../../src/shared/contract/exposure'
import type { Role } from '../../src/shared/contract/roles'
import { exposureMethod } from '../../src/shared/domain/exposure'
import { aUser } from './support/fixtures'
import { FakeTransport, ok } from './support/fake-transport'
import { aDetail, now } from './support/permit-fixtures'
import { permitPage } from './support/permit-page'
import { renderApp, scriptSignedIn } from './support/render-app'

const minute = 60_000

const shift: ExposureShiftDto = {
  startsAt: now - 120 * minute,
  lastExitAt: now - 60 * minute,
  ongoing: false,
  minutesInside: 60,
  gases: [
    {
      gas: 'h2s',
      twa: 0.75,
      stel: 18,
      stelFrom: now - 100 * minute,
      peak: { minuteStart: now - 100 * minute, value: 18 },
      minutesWithoutReadings: 12,
      limits: { twa: 10, stel: 15 },
      twaExceeded: false,
      stelExceeded: true,
    },
    {
      gas: 'co',
      twa: 2.4,
      stel: 24,
      stelFrom: now - 120 * minute,
      peak: { minuteStart: now - 120 * minute, value: 24 },
      minutesWithoutReadings: 0,
      limits: { twa: 35, stel: 200 },
      twaExceeded: false,
      stelExceeded: false,
    },
  ],
  limitProfiles: ['Factory default'],
  exceeded: true,
  stays: [
    {
      permitId: 7,
      permitNumber: 'NP-2025-0007',
      siteId: 1,
      spaceTag: 'TK-101',
      spaceName: 'Settling tank 1',
      entryAt: now - 120 * minute,
      exitAt: now - 60 * minute,
    },
  ],
}

const samExposure: PersonExposureDto = {
  personKey: 'name:Sam Ortiz',
  personName: 'Sam Ortiz',
  from: now - 7 * 1440 * minute,
  to: now,
  at: now,
  method: exposureMethod,
  shifts: [shift],
}

function personPage(roles: Role[] = ['safety_officer'], userId = 1): FakeTransport {
  window.location.hash = `#/people/${encodeURIComponent('name:Sam Ortiz')}`
  return scriptSignedIn(new FakeTransport(), aUser(roles, { id: userId })).on('exposure.person', ok(samExposure))
}

describe('a person’s page', () => {
  it('shows each shift’s TWA and STEL against the limits, an exceedance in words, the unknown minutes and the method', async () => {
    const transport = personPage()
    renderApp(transport)

    expect(await screen.findByRole('heading', { name: 'Sam Ortiz: exposure' })).toBeTruthy()
    expect(transport.callsTo('exposure.person')[0]).toMatchObject({ personKey: 'name:Sam Ortiz' })
    const table = within(await screen.findByRole('table', { name: /^Exposure in the shift from/ }))
    const h2s = table.getByRole('rowheader', { name: 'H2S' }).closest('tr')
    expect(h2s?.textContent).toContain('0.75 ppmWithin the limit of 10 ppm')
    expect(h2s?.textContent).toContain('18 ppmAbove the limit of 15 ppm')
    expect(h2s?.textContent).toContain('12 min inside without readings')
    const co = table.getByRole('rowheader', { name: 'CO' }).closest('tr')
    expect(co?.textContent).toContain('24 ppmWithin the limit of 200 ppm')
    expect(screen.getByText('Limit exceeded')).toBeTruthy()
    const stays = within(screen.getByRole('table', { name: /^Stays in the shift/ }))
    expect(stays.getByRole('link', { name: 'NP-2025-0007' }).getAttribute('href')).toBe('#/permits/7')
    const method = within(screen.getByRole('region', { name: 'Method' }))
    expect(method.getByText(exposureMethod)).toBeTruthy()
  })

  it('asks again for a longer window', async () => {
    const transport = personPage()
    renderApp(transport)
    await screen.findByRole('heading', { name: 'Sam Ortiz: exposure' })

    fireEvent.click(screen.getByRole('button', { name: '30 days' }))
    await waitFor(() => expect(transport.callsTo('exposure.person')).toHaveLength(2))
    const asked = transport.callsTo('exposure.person')[1] as { from: number }
    expect(Date.now() - asked.from).toBeGreaterThanOrEqual(30 * 1440 * minute)
  })

  it('is no page for an attendant', async () => {
    renderApp(personPage(['attendant']))
    expect(await screen.findByText(/Not available to your roles/)).toBeTruthy()
  })
})

describe('people on the permit page', () => {
  it('link to their page for a safety officer: who is inside, the entrants and the entries', async () => {
    renderApp(permitPage(aDetail(), ['safety_officer']))
    const inside = within(await screen.findByRole('list', { name: 'Inside now' }))
    expect(inside.getByRole('link', { name: 'Sam Ortiz' }).getAttribute('href')).toBe('#/people/name%3ASam%20Ortiz')
    const entrants = within(screen.getByRole('region', { name: 'Authorized entrants' }))
    expect(entrants.getByRole('link', { name: 'Jo Park' }).getAttribute('href')).toBe('#/people/name%3AJo%20Park')
    const entries = within(screen.getByRole('table', { name: 'Entries and exits' }))
    expect(entries.getByRole('link', { name: 'Alex Reyes' }).getAttribute('href')).toBe('#/people/user%3A4')
  })

  it('link for an entrant only to their own page', async () => {
    window.location.hash = '#/permits/7'
    const detail = aDetail()
    const transport = permitPage(detail, ['entrant'])
    scriptSignedIn(transport, aUser(['entrant'], { id: 4 }))
    renderApp(transport)
    const entrants = within(await screen.findByRole('region', { name: 'Authorized entrants' }))
    expect(entrants.getByRole('link', { name: 'Alex Reyes' })).toBeTruthy()
    expect(entrants.queryByRole('link', { name: 'Jo Park' })).toBeNull()
  })
})
