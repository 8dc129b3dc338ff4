import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { aDetail, now } from './support/permit-fixtures'
import { permitPage } from './support/permit-page'
import { ok } from './support/fake-transport'
import { renderApp } from './support/render-app'

const fieldLabels = [
  '(f)(1) Space',
  '(f)(2) Purpose of entry',
  '(f)(3) Date and authorized duration',
  '(f)(4) Authorized entrants',
  '(f)(5) Attendants',
  '(f)(6) Entry supervisor and authorization',
  '(f)(7) Hazards of the space',
  '(f)(8) Isolation and control measures',
  '(f)(9) Acceptable entry conditions',
  '(f)(10) Atmospheric test results',
  '(f)(11) Rescue and emergency services',
  '(f)(12) Communication between entrants and attendants',
  '(f)(13) Equipment',
  '(f)(14) Other safety information',
  '(f)(15) Other permits issued for the work',
]

const printedPermit = (): Promise<HTMLElement> => screen.findByRole('article', { name: /^Printable permit/ })

afterEach(() => vi.restoreAllMocks())

describe('printable permit', () => {
  it('labels every field of 1910.146(f) with its number, (f)(1) to (f)(15)', async () => {
    renderApp(permitPage(aDetail(), ['supervisor'], '/print'))

    const document = within(await printedPermit())
    const terms = document.getAllByRole('term').map((term) => term.textContent)
    expect(terms.filter((term) => term?.startsWith('(f)'))).toEqual(fieldLabels)
  })

  it('shows entrants, attendants, the signature, the conditions and every test with its tester and time', async () => {
    renderApp(permitPage(aDetail(), ['supervisor'], '/print'))

    const document = within(await printedPermit())
    expect(document.getByRole('list', { name: 'Authorized entrants' }).textContent).toContain('Jo Park')
    expect(document.getByRole('list', { name: 'Attendants' }).textContent).toContain('Pat Lee')
    expect(document.getAllByText('I authorize entry under this permit.').length).toBeGreaterThan(0)
    expect(document.getByText('O2 above 19.5 % vol and below 23.5 % vol')).toBeTruthy()
    const tests = within(document.getByRole('table', { name: 'Atmospheric tests' }))
    expect(tests.getByRole('cell', { name: 'BW-4471' })).toBeTruthy()
    expect(tests.getByRole('cell', { name: 'Pat Lee' })).toBeTruthy()
  })

  it('adds the close-out record to a closed permit', async () => {
    const closed = aDetail(
      {
        fields: { ...aDetail().fields, closeOutNotes: 'Baffle replaced. Ventilation fan tripped once.' },
        timeline: [
          { at: now, actorName: 'Dana Okafor', kind: 'transition', fromState: 'active', toState: 'closed', note: '' },
        ],
        allowedActions: [],
      },
      { state: 'closed', inside: [] },
    )
    renderApp(permitPage(closed, ['supervisor'], '/print'))

    const document = within(await printedPermit())
    expect(document.getByText('Baffle replaced. Ventilation fan tripped once.')).toBeTruthy()
    expect(document.getByText('Closed by')).toBeTruthy()
  })

  it('opens the print view from the permit and prints it once loaded', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined)
    renderApp(permitPage())

    fireEvent.click(await screen.findByRole('button', { name: 'Print' }))

    expect(await printedPermit()).toBeTruthy()
    expect(window.location.hash).toBe('#/permits/7/print')
    await waitFor(() => expect(print).toHaveBeenCalledTimes(1))
  })
})

describe('saving the permit as PDF in the desktop window', () => {
  it('asks the main process for a PDF of this view and says where it went', async () => {
    const detail = aDetail()
    const transport = permitPage(detail, ['supervisor'], '/print').on(
      'permits.savePdf',
      ok({ file: '/home/dana/NP.pdf' }),
    )
    renderApp(transport)
    await printedPermit()
    fireEvent.click(screen.getByRole('button', { name: 'Save as PDF' }))
    expect(await screen.findByText('Saved /home/dana/NP.pdf')).toBeTruthy()
    expect(transport.callsTo('permits.savePdf')).toEqual([{ permitId: detail.card.id }])
  })
})

describe('evacuations and corrections on the printed permit', () => {
  it('lists the evacuation, its roll call and a corrected exit, and leaves the rest of the timeline out', async () => {
    const detail = aDetail({
      timeline: [
        {
          at: now - 90 * 60_000,
          actorName: 'Dana Okafor',
          kind: 'created',
          fromState: null,
          toState: 'draft',
          note: '',
        },
        {
          at: now - 30 * 60_000,
          actorName: 'Pat Lee',
          kind: 'evacuation_ordered',
          fromState: null,
          toState: null,
          note: 'Evacuation of every space of North Plant: Gas alarm',
        },
        {
          at: now - 30 * 60_000,
          actorName: 'Pat Lee',
          kind: 'suspend',
          fromState: 'active',
          toState: 'suspended',
          note: 'Evacuation: Gas alarm',
        },
        {
          at: now - 20 * 60_000,
          actorName: 'Pat Lee',
          kind: 'exit_corrected',
          fromState: null,
          toState: null,
          note: 'Alex Reyes is still inside: the exit logged by mistake was corrected. Wrong button',
        },
        {
          at: now - 10 * 60_000,
          actorName: 'Pat Lee',
          kind: 'roll_call_complete',
          fromState: null,
          toState: null,
          note: 'Roll call complete: everyone accounted for (Alex Reyes, Sam Ortiz).',
        },
        {
          at: now - 5 * 60_000,
          actorName: 'Dana Okafor',
          kind: 'suspend',
          fromState: 'active',
          toState: 'suspended',
          note: 'Rain',
        },
      ],
    })
    renderApp(permitPage(detail, ['supervisor'], '/print'))

    const document = within(await printedPermit())
    const table = within(document.getByRole('table', { name: 'Evacuations and corrections' }))
    const rows = table.getAllByRole('row').slice(1)
    expect(rows.map((row) => within(row).getAllByRole('cell')[2]?.textContent)).toEqual([
      'Evacuation ordered',
      'Mistaken exit corrected',
      'Roll call complete',
    ])
    expect(table.getByText('Roll call complete: everyone accounted for (Alex Reyes, Sam Ortiz).')).toBeTruthy()
    expect(table.queryByText('Rain')).toBeNull()
  })

  it('has no such section when nothing of the kind happened', async () => {
    renderApp(permitPage(aDetail(), ['supervisor'], '/print'))

    const document = within(await printedPermit())
    expect(document.queryByRole('table', { name: 'Evacuations and corrections' })).toBeNull()
  })
})
