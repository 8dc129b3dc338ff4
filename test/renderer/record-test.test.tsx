import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ok } from './support/fake-transport'
import { aDetail } from './support/permit-fixtures'
import { permitPage } from './support/permit-page'
import { descriptionOf, renderApp } from './support/render-app'

const testForm = async (): Promise<HTMLElement> => screen.findByRole('form', { name: 'Record test' })

describe('record test form', () => {
  it('lists the gases in test order: O2, LEL, H2S, CO, then instrument, tester, kind and time', async () => {
    renderApp(permitPage())

    const labels = within(await testForm())
      .getAllByRole('textbox')
      .map((input) => input.getAttribute('name'))
    expect(labels).toEqual(['values.o2', 'values.lel', 'values.h2s', 'values.co'])
    const form = within(await testForm())
    expect(form.getByRole('combobox', { name: 'Instrument' })).toBeTruthy()
    expect(form.getByLabelText('O2 (% vol)')).toBeTruthy()
    expect(form.getByLabelText('LEL (% LEL)')).toBeTruthy()
    expect(form.getByLabelText('H2S (ppm)')).toBeTruthy()
    expect(form.getByLabelText('CO (ppm)')).toBeTruthy()
    expect(form.getByRole('radiogroup', { name: 'Tester' })).toBeTruthy()
    expect(form.getByRole('combobox', { name: 'Kind' })).toBeTruthy()
    expect(form.getByLabelText('Time taken')).toBeTruthy()
  })

  it('marks oxygen as failing while 19.4 is typed, and passing at 20.9, against the default conditions', async () => {
    renderApp(permitPage())
    const o2 = within(await testForm()).getByLabelText('O2 (% vol)')

    fireEvent.change(o2, { target: { value: '19.4' } })
    expect(o2.getAttribute('aria-invalid')).toBe('true')
    expect(descriptionOf(o2)).toMatch(/^FAIL: O2 19.4 % vol is not acceptable/)

    fireEvent.change(o2, { target: { value: '20.9' } })
    expect(o2.getAttribute('aria-invalid')).toBe('false')
    expect(descriptionOf(o2)).toMatch(/^Pass: O2 20.9 % vol is acceptable/)
  })

  it('flags a toxic gas at its limit and a value outside the instrument range', async () => {
    renderApp(permitPage())
    const form = within(await testForm())

    fireEvent.change(form.getByLabelText('H2S (ppm)'), { target: { value: '10' } })
    fireEvent.change(form.getByLabelText('CO (ppm)'), { target: { value: '-3' } })

    expect(descriptionOf(form.getByLabelText('H2S (ppm)'))).toMatch(/^FAIL: H2S 10 ppm/)
    expect(descriptionOf(form.getByLabelText('CO (ppm)'))).toMatch(/must be between 0 and 2000 ppm/)
  })

  it('records a complete test by the person signed in', async () => {
    const transport = permitPage().on('atmosphere.recordTest', (input) =>
      ok({ ...aDetail().tests[0]!, id: 22, takenAt: input.takenAt, pass: true }),
    )
    renderApp(transport)
    const form = within(await testForm())

    fireEvent.change(form.getByLabelText('O2 (% vol)'), { target: { value: '20.9' } })
    fireEvent.change(form.getByLabelText('LEL (% LEL)'), { target: { value: '0' } })
    fireEvent.change(form.getByLabelText('H2S (ppm)'), { target: { value: '1.5' } })
    fireEvent.change(form.getByLabelText('CO (ppm)'), { target: { value: '4' } })
    fireEvent.change(form.getByRole('combobox', { name: 'Instrument' }), { target: { value: 'BW' } })
    fireEvent.click(await screen.findByRole('option', { name: 'BW-4471 — Crew 2 four-gas' }))
    fireEvent.click(form.getByRole('button', { name: 'Record test' }))

    await waitFor(() => expect(transport.callsTo('atmosphere.recordTest')).toHaveLength(1))
    expect(transport.callsTo('atmosphere.recordTest')[0]).toMatchObject({
      permitId: 7,
      kind: 'periodic',
      values: { o2: 20.9, lel: 0, h2s: 1.5, co: 4 },
      instrument: 'BW-4471',
      tester: { userId: 1 },
    })
    expect(await screen.findByText(/^Test recorded: every gas/)).toBeTruthy()
  })

  it('asks for every missing gas before recording', async () => {
    const transport = permitPage()
    renderApp(transport)
    const form = within(await testForm())

    fireEvent.change(form.getByLabelText('O2 (% vol)'), { target: { value: '20.9' } })
    fireEvent.click(form.getByRole('button', { name: 'Record test' }))

    expect(descriptionOf(form.getByLabelText('LEL (% LEL)'))).toBe('is required')
    expect(transport.callsTo('atmosphere.recordTest')).toHaveLength(0)
  })
})
