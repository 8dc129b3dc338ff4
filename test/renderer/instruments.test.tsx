import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Role } from '../../src/shared/contract/roles'
import { anInstrument } from './support/alarm-fixtures'
import { aUser } from './support/fixtures'
import { FakeTransport, ok, refused } from './support/fake-transport'
import { aDetail, aSite } from './support/permit-fixtures'
import { permitPage } from './support/permit-page'
import { descriptionOf, renderApp, scriptSignedIn } from './support/render-app'

function register(roles: Role[]): FakeTransport {
  window.location.hash = '#/gas/instruments'
  return scriptSignedIn(new FakeTransport(), aUser(roles))
    .on('sites.list', ok([aSite()]))
    .on(
      'instruments.list',
      ok({
        items: [
          anInstrument(),
          anInstrument({ id: 32, serial: 'MX-0210', name: 'Spare', bumpOverdue: true, calibrationOverdue: true }),
        ],
        total: 2,
      }),
    )
}

const testForm = (): Promise<HTMLElement> => screen.findByRole('form', { name: 'Record test' })

describe('instrument register', () => {
  it('lists each monitor with its sensors and says which are overdue', async () => {
    renderApp(register(['attendant']))
    const table = within(await screen.findByRole('table', { name: 'Instruments' }))

    const spare = within((await table.findByRole('cell', { name: 'MX-0210' })).closest('tr') as HTMLElement)
    expect(spare.getByText('Bump overdue')).toBeTruthy()
    expect(spare.getByText('Calibration overdue')).toBeTruthy()
    const ready = within(table.getByRole('cell', { name: 'BW-4471' }).closest('tr') as HTMLElement)
    expect(ready.getByText('Ready')).toBeTruthy()
    expect(ready.getByText('O2, LEL, H2S, CO')).toBeTruthy()
    // An attendant reads the register; keeping it is for safety officers and administrators.
    expect(screen.queryByRole('button', { name: 'Register instrument' })).toBeNull()
    expect(table.queryByRole('button', { name: /^Edit/ })).toBeNull()
  })

  it('registers a monitor for a safety officer', async () => {
    const transport = register(['safety_officer']).on('instruments.save', (input) =>
      ok(anInstrument({ id: 40, serial: input.serial, name: input.name, sensors: input.sensors })),
    )
    renderApp(transport)

    fireEvent.click(await screen.findByRole('button', { name: 'Register instrument' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Register instrument' }))
    fireEvent.change(dialog.getByLabelText(/^Serial/), { target: { value: 'QR-77' } })
    fireEvent.change(dialog.getByLabelText(/^Name/), { target: { value: 'Tank crew' } })
    fireEvent.click(dialog.getByRole('checkbox', { name: 'CO' }))
    fireEvent.click(dialog.getByRole('button', { name: 'Register instrument' }))

    await waitFor(() =>
      expect(transport.callsTo('instruments.save')).toEqual([
        {
          siteId: 1,
          serial: 'QR-77',
          name: 'Tank crew',
          model: '',
          sensors: ['o2', 'lel', 'h2s'],
          lastBumpAt: null,
          calibrationDueAt: null,
          status: 'in_service',
        },
      ]),
    )
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  })
})

describe('instrument picker of the test form', () => {
  it('offers to register a serial that is not in the register, prefilled, and then chooses it', async () => {
    const transport = permitPage(aDetail(), ['safety_officer'])
      .on('sites.list', ok([aSite()]))
      .on('instruments.save', (input) =>
        ok(anInstrument({ id: 41, serial: input.serial, name: input.name, siteId: input.siteId })),
      )
    renderApp(transport)
    const form = within(await testForm())

    const field = form.getByRole('combobox', { name: 'Instrument' })
    act(() => field.focus())
    fireEvent.change(field, { target: { value: 'MX-9' } })
    fireEvent.click(await screen.findByRole('option', { name: 'Register “MX-9”' }))

    const dialog = within(await screen.findByRole('dialog', { name: 'Register instrument' }))
    expect(dialog.getByLabelText(/^Serial/)).toHaveProperty('value', 'MX-9')
    fireEvent.change(dialog.getByLabelText(/^Name/), { target: { value: 'Borrowed monitor' } })
    fireEvent.click(dialog.getByRole('button', { name: 'Register instrument' }))

    await waitFor(() => expect(transport.callsTo('instruments.save')).toMatchObject([{ serial: 'MX-9', siteId: 1 }]))
    await waitFor(() =>
      expect(form.getByRole('combobox', { name: 'Instrument' })).toHaveProperty('value', 'MX-9 — Borrowed monitor'),
    )
  })

  it('tells someone who may not register monitors to ask a safety officer', async () => {
    renderApp(permitPage(aDetail(), ['attendant']))
    const form = within(await testForm())
    const field = form.getByRole('combobox', { name: 'Instrument' })

    act(() => field.focus())
    fireEvent.change(field, { target: { value: 'MX-9' } })

    expect(screen.queryByRole('option', { name: /Register/ })).toBeNull()
    expect(descriptionOf(field)).toBe('MX-9 is not in the register. Ask a safety officer to register it.')
  })

  it('warns when the chosen monitor is overdue', async () => {
    const transport = permitPage(aDetail(), ['attendant']).on(
      'instruments.list',
      ok({ items: [anInstrument({ bumpOverdue: true })], total: 1 }),
    )
    renderApp(transport)
    const form = within(await testForm())
    const field = form.getByRole('combobox', { name: 'Instrument' })

    fireEvent.change(field, { target: { value: 'BW' } })
    fireEvent.click(await screen.findByRole('option', { name: 'BW-4471 — Crew 2 four-gas (bump test overdue)' }))

    expect(descriptionOf(field)).toMatch(/^Warning: bump test overdue\. A pre-entry test with it is refused/)
  })

  it('lists every condition of a refused test', async () => {
    const transport = permitPage(aDetail(), ['attendant']).on(
      'atmosphere.recordTest',
      refused('The test was not recorded.', [
        { code: 'instrument_ready', message: 'BW-4471 has no bump test in the last 24 hours.' },
        { code: 'instrument_ready', message: 'BW-4471 is past its calibration due date.' },
      ]),
    )
    renderApp(transport)
    const form = within(await testForm())
    fireEvent.change(form.getByLabelText('O2 (% vol)'), { target: { value: '20.9' } })
    fireEvent.change(form.getByLabelText('LEL (% LEL)'), { target: { value: '0' } })
    fireEvent.change(form.getByLabelText('H2S (ppm)'), { target: { value: '0' } })
    fireEvent.change(form.getByLabelText('CO (ppm)'), { target: { value: '0' } })
    fireEvent.change(form.getByRole('combobox', { name: 'Instrument' }), { target: { value: 'BW' } })
    fireEvent.click(await screen.findByRole('option', { name: 'BW-4471 — Crew 2 four-gas' }))
    fireEvent.click(form.getByRole('button', { name: 'Record test' }))

    const alert = within(await form.findByRole('alert'))
    expect(alert.getByText('Test not recorded')).toBeTruthy()
    expect(
      within(alert.getByRole('list', { name: 'Unmet conditions' }))
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['BW-4471 has no bump test in the last 24 hours.', 'BW-4471 is past its calibration due date.'])
  })

  it('asks for an instrument from the register before recording', async () => {
    const transport = permitPage(aDetail(), ['attendant'])
    renderApp(transport)
    const form = within(await testForm())

    fireEvent.click(form.getByRole('button', { name: 'Record test' }))

    expect(descriptionOf(form.getByRole('combobox', { name: 'Instrument' }))).toBe(
      'is required: choose the monitor from the register',
    )
    expect(transport.callsTo('atmosphere.recordTest')).toHaveLength(0)
  })
})

describe('flagged tests', () => {
  it('marks a test taken with an overdue monitor, with the reason', async () => {
    const reason = 'The instrument’s bump test was overdue.'
    const detail = aDetail()
    const test = { ...detail.tests[0]!, flagged: [reason] }
    renderApp(permitPage({ ...detail, tests: [test] }))

    const tests = within(await screen.findByRole('table', { name: 'Atmospheric tests' }))
    expect(tests.getByLabelText(`Flagged: ${reason}`)).toBeTruthy()
  })
})
