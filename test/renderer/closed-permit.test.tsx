import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { PermitDetailDto } from '../../src/shared/contract/permits'
import { aDetail, now } from './support/permit-fixtures'
import { permitPage } from './support/permit-page'
import { renderApp } from './support/render-app'

const hour = 60 * 60_000

/** A permit closed after its work, as the server sends it: no verdict on the air, nobody on duty. */
function aClosedPermit(): PermitDetailDto {
  const open = aDetail()
  const attendant = open.attendants[0]
  if (!attendant) throw new Error('the fixture names an attendant')
  return aDetail(
    {
      fields: { ...open.fields, closeOutNotes: 'Baffle replaced. No problems met.' },
      // A permit closed before closing relieved attendants still lists one as on duty.
      attendants: [attendant, { ...attendant, id: 12, fullName: 'Lee Novak', status: 'relieved' }],
      entries: [
        {
          personKey: 'user:4',
          personName: 'Alex Reyes',
          entryTime: now - 2 * hour,
          exitTime: now - hour,
          exitId: 52,
          remarks: '',
        },
      ],
      timeline: [
        { at: now - 3 * hour, actorName: 'Dana Okafor', kind: 'created', fromState: null, toState: 'draft', note: '' },
        {
          at: now - 30 * 60_000,
          actorName: 'Dana Okafor',
          kind: 'close',
          fromState: 'active',
          toState: 'closed',
          note: 'Baffle replaced. No problems met.',
        },
        {
          at: now - 30 * 60_000,
          actorName: 'Dana Okafor',
          kind: 'duty_ended',
          fromState: null,
          toState: null,
          note: 'Pat Lee',
        },
      ],
      allowedActions: [],
    },
    {
      state: 'closed',
      inside: [],
      attendantOnDuty: null,
      atmosphere: {
        level: 'none',
        takenAt: null,
        reasons: ['The permit is closed: its atmosphere is no longer judged.'],
      },
    },
  )
}

describe('a closed permit', () => {
  it('shows no atmosphere verdict, only that its air is no longer judged, beside its tests', async () => {
    renderApp(permitPage(aClosedPermit()))

    const tests = within(await screen.findByRole('region', { name: 'Atmospheric tests' }))
    expect(tests.getByText('The permit is closed: its atmosphere is no longer judged.')).toBeTruthy()
    expect(tests.queryByText(/^Atmosphere/)).toBeNull()
    expect(tests.queryByText('No atmospheric test')).toBeNull()
    expect(tests.getByRole('table', { name: 'Atmospheric tests' })).toBeTruthy()
  })

  it('shows nobody on duty and no duty buttons', async () => {
    renderApp(permitPage(aClosedPermit()))

    const roster = within(await screen.findByRole('table', { name: 'Attendant roster' }))
    expect(roster.queryByText('On duty')).toBeNull()
    expect(roster.getByText('Duty ended')).toBeTruthy()
    expect(roster.getByText('Relieved')).toBeTruthy()
    expect(screen.queryByRole('button', { name: /^(On duty|Relieved): / })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Assign attendant' })).toBeNull()
  })

  it('shows its entries as a final record, with no live count or portal beside them', async () => {
    renderApp(permitPage(aClosedPermit()))

    expect(await screen.findByRole('table', { name: 'Entries and exits' })).toBeTruthy()
    expect(screen.queryByRole('region', { name: 'Entry and exit' })).toBeNull()
    expect(screen.queryByText(/inside now/)).toBeNull()
    expect(screen.queryByText(/no entries/i)).toBeNull()
    expect(screen.queryByText(/left$/)).toBeNull()
    expect(screen.getByRole('region', { name: 'Close-out record' })).toBeTruthy()
  })

  it('names the end of the attendants’ duty on its timeline', async () => {
    renderApp(permitPage(aClosedPermit()))

    const timeline = within(await screen.findByRole('table', { name: 'Timeline' }))
    expect(timeline.getByText('Attendants’ duty ended with the permit')).toBeTruthy()
  })
})
