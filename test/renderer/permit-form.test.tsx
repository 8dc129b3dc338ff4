import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { aUser, aDirectory } from './support/fixtures'
import { FakeTransport, fail, ok } from './support/fake-transport'
import { aDetail, aSite, aSpace } from './support/permit-fixtures'
import { descriptionOf, renderApp, scriptSignedIn } from './support/render-app'

function newPermit(): FakeTransport {
  window.location.hash = '#/permits/new'
  return scriptSignedIn(new FakeTransport(), aUser(['supervisor']))
    .on('sites.list', ok([aSite({ limitProfile: 'niosh' })]))
    .on('spaces.list', ok({ items: [aSpace()], total: 1 }))
    .on('users.directory', ok(aDirectory))
}

async function chooseSpace(): Promise<void> {
  const space = await screen.findByRole('combobox', { name: 'Space' })
  fireEvent.keyDown(space, { key: 'ArrowDown' })
  fireEvent.click(await screen.findByRole('option', { name: 'TK-101 — Settling tank 1' }))
}

const addChip = (label: string, value: string): void => {
  const input = screen.getByRole('combobox', { name: label })
  fireEvent.change(input, { target: { value } })
  fireEvent.keyDown(input, { key: 'Enter' })
}

/** Everything the contract requires, so that a submit reaches the server. */
function fillRequired(): void {
  fireEvent.change(screen.getByLabelText(/^Purpose of entry/), { target: { value: 'Replace the inlet baffle' } })
  addChip('Hazards', 'Engulfment')
  fireEvent.change(screen.getByLabelText(/^Rescue service/), { target: { value: 'Plant fire brigade' } })
  fireEvent.change(screen.getByLabelText(/^How to summon rescue/), { target: { value: 'Radio channel 3' } })
  fireEvent.change(screen.getByLabelText(/^Communication method/), { target: { value: 'Voice' } })
}

// A form of fifteen fields in jsdom takes seconds to fill; the default five would be a coin toss.
const slow = { timeout: 20_000 }

describe('permit form', () => {
  it(
    'prefills the acceptable conditions from the site’s limit profile and says they may only be stricter',
    slow,
    async () => {
      renderApp(newPermit())

      await chooseSpace()

      expect((screen.getByLabelText('H2S maximum (ppm)') as HTMLInputElement).value).toBe('10')
      expect((screen.getByLabelText('CO maximum (ppm)') as HTMLInputElement).value).toBe('35')
      expect((screen.getByLabelText('O2 minimum (% vol)') as HTMLInputElement).value).toBe('19.5')
      expect(screen.getByText(/limit profile \(NIOSH\)\. You may only make them stricter/)).toBeTruthy()

      fireEvent.change(screen.getByLabelText('CO maximum (ppm)'), { target: { value: '50' } })
      expect(descriptionOf(screen.getByLabelText('CO maximum (ppm)'))).toMatch(/looser than the profile/)
    },
  )

  it('offers the supervisors of the people directory as entry supervisor, the signed-in one first chosen', async () => {
    renderApp(newPermit())

    const select = await screen.findByRole('combobox', { name: /^Entry supervisor/ })
    expect(select.textContent).toContain('Dana Okafor (dana)')
    fireEvent.mouseDown(select)
    expect(await screen.findByRole('option', { name: 'Lee Novak (lee)' })).toBeTruthy()
    expect(screen.queryByText(/You are named as entry supervisor/)).toBeNull()
  })

  it('sends every field, entrants by name and times in epoch ms', slow, async () => {
    const transport = newPermit().on('permits.create', ok(aDetail({}, { id: 12, state: 'draft' })))
    renderApp(transport)
    await chooseSpace()

    fireEvent.change(screen.getByLabelText(/^Purpose of entry/), { target: { value: 'Replace the inlet baffle' } })
    fireEvent.change(screen.getByLabelText(/^Valid from/), { target: { value: '2025-06-02T08:00' } })
    fireEvent.change(screen.getByLabelText(/^Valid to/), { target: { value: '2025-06-02T16:00' } })
    addChip('Authorized entrants', 'Jo Park')
    addChip('Hazards', 'Engulfment')
    addChip('Equipment', 'Tripod and winch')
    fireEvent.click(screen.getByRole('button', { name: 'Add measure' }))
    fireEvent.change(screen.getByLabelText('Measure 1'), { target: { value: 'Lock out V-12' } })
    fireEvent.click(screen.getByRole('checkbox', { name: 'Measure 1 done' }))
    fireEvent.change(screen.getByLabelText(/^Rescue service/), { target: { value: 'Plant fire brigade' } })
    fireEvent.change(screen.getByLabelText(/^How to summon rescue/), { target: { value: 'Radio channel 3' } })
    fireEvent.change(screen.getByLabelText(/^Communication method/), { target: { value: 'Voice' } })
    fireEvent.click(screen.getByRole('button', { name: 'Create permit' }))

    await waitFor(() => expect(window.location.hash).toBe('#/permits/12'))
    expect(transport.callsTo('permits.create')).toEqual([
      {
        spaceId: 3,
        purpose: 'Replace the inlet baffle',
        validFrom: new Date(2025, 5, 2, 8, 0).getTime(),
        validTo: new Date(2025, 5, 2, 16, 0).getTime(),
        entrySupervisorId: 1,
        entrants: [{ name: 'Jo Park' }],
        hazards: ['Engulfment'],
        isolationMeasures: [{ measure: 'Lock out V-12', done: true }],
        conditions: { o2Min: 19.5, o2Max: 23.5, lelMax: 10, h2sMax: 10, coMax: 35 },
        rescueService: 'Plant fire brigade',
        rescueContact: 'Radio channel 3',
        communicationMethod: 'Voice',
        equipment: ['Tripod and winch'],
        otherSafetyInfo: '',
        relatedPermits: [],
      },
    ])
  })

  it(
    'on an empty submit marks every missing field at once, focuses the first and lists each by its label',
    slow,
    async () => {
      const transport = newPermit()
      renderApp(transport)
      await screen.findByRole('combobox', { name: 'Space' })

      fireEvent.click(screen.getByRole('button', { name: 'Create permit' }))

      const summary = within(await screen.findByRole('alert'))
      expect(summary.getAllByRole('button').map((link) => link.textContent)).toEqual([
        'Space is required: choose the space.',
        'Purpose of entry is required.',
        'Authorized entrants must name at least one entrant.',
        'Hazards must name at least one hazard.',
        'Rescue service is required.',
        'How to summon rescue is required.',
        'Communication method is required.',
      ])
      expect(summary.getByText('7 fields need attention')).toBeTruthy()
      expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Space' }))
      for (const label of [/^Purpose of entry/, /^Rescue service/, /^How to summon rescue/, /^Communication method/])
        expect(screen.getByLabelText(label).getAttribute('aria-invalid')).toBe('true')
      expect(descriptionOf(screen.getByRole('combobox', { name: 'Hazards' }))).toBe('must name at least one hazard')
      expect(transport.callsTo('permits.create')).toEqual([])

      fireEvent.click(summary.getByRole('button', { name: 'Communication method is required.' }))
      expect(document.activeElement).toBe(screen.getByLabelText(/^Communication method/))
    },
  )

  it('names the server’s issues in the summary by the fields’ labels, never by their paths', slow, async () => {
    const transport = newPermit().on(
      'permits.create',
      fail('VALIDATION', 'Please correct the input: conditions.o2Min is looser than the profile.', [
        { field: 'conditions.o2Min', rule: 'custom', message: 'is looser than the profile' },
        { field: 'entrants.1.name', rule: 'too_small', message: 'must be at least 2 characters' },
      ]),
    )
    renderApp(transport)
    await chooseSpace()
    fillRequired()
    addChip('Authorized entrants', 'Jo Park')
    addChip('Authorized entrants', 'Al')

    fireEvent.click(screen.getByRole('button', { name: 'Create permit' }))

    const summary = within(await screen.findByRole('alert'))
    expect(summary.getAllByRole('button').map((link) => link.textContent)).toEqual([
      'Authorized entrants (item 2) must be at least 2 characters.',
      'O2 minimum (% vol) is looser than the profile.',
    ])
    expect(screen.queryByText(/conditions\.o2Min/)).toBeNull()
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Authorized entrants' }))
  })

  it('shows the server’s issues under the fields they name, nested paths included', slow, async () => {
    const transport = newPermit().on(
      'permits.create',
      fail('VALIDATION', 'Some fields need attention.', [
        { field: 'validTo', rule: 'custom', message: 'must be after the start of validity' },
        { field: 'entrants.0.name', rule: 'too_small', message: 'must be at least 2 characters' },
        { field: 'conditions.o2Min', rule: 'custom', message: 'is looser than the profile' },
      ]),
    )
    renderApp(transport)
    await chooseSpace()
    fillRequired()
    addChip('Authorized entrants', 'Jo')

    fireEvent.click(screen.getByRole('button', { name: 'Create permit' }))

    await waitFor(() =>
      expect(descriptionOf(screen.getByLabelText(/^Valid to/))).toBe('must be after the start of validity'),
    )
    expect(descriptionOf(screen.getByLabelText('O2 minimum (% vol)'))).toBe('is looser than the profile')
    expect(descriptionOf(screen.getByRole('combobox', { name: 'Authorized entrants' }))).toBe(
      'Entrant 1: must be at least 2 characters',
    )
    expect(screen.queryByText('Some fields need attention.')).toBeNull()
  })

  it('edits a draft with the version it read, and maps the nested issues back to the fields', slow, async () => {
    window.location.hash = '#/permits/7/edit'
    const draft = aDetail({}, { state: 'draft', version: 4 })
    const transport = scriptSignedIn(new FakeTransport(), aUser(['supervisor']))
      .on('sites.list', ok([aSite()]))
      .on('spaces.list', ok({ items: [aSpace()], total: 1 }))
      .on('permits.get', ok(draft))
      .on(
        'permits.update',
        fail('VALIDATION', 'Some fields need attention.', [
          { field: 'fields.purpose', rule: 'custom', message: 'must not repeat the space’s tag' },
        ]),
      )
    renderApp(transport)

    const purpose = await screen.findByLabelText(/^Purpose of entry/)
    expect((purpose as HTMLTextAreaElement).value).toBe('Replace the inlet baffle')
    fireEvent.change(purpose, { target: { value: 'TK-101' } })
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }))

    await waitFor(() =>
      expect(descriptionOf(screen.getByLabelText(/^Purpose of entry/))).toBe('must not repeat the space’s tag'),
    )
    expect(transport.callsTo('permits.update')[0]).toMatchObject({
      permitId: 7,
      version: 4,
      fields: { purpose: 'TK-101' },
    })
    const entrants = within(screen.getByRole('region', { name: '(f)(4)-(6) People' }))
    expect(entrants.getByText('Sam Ortiz')).toBeTruthy()
  })
})
