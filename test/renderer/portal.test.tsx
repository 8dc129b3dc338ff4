import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Result } from '../../src/shared/contract/errors'
import type { ProcedureOutput } from '../../src/shared/contract/procedures'
import { fail, ok, refused } from './support/fake-transport'
import { aDetail, now } from './support/permit-fixtures'
import { permitPage } from './support/permit-page'
import { renderApp } from './support/render-app'

const unmet = [
  { code: 'attendant_on_duty', message: 'No attendant is on duty at this space.' },
  { code: 'test_recent', message: 'The latest test is 42 min old; tests older than 30 min are stale.' },
  {
    code: 'test_within_conditions',
    message:
      "The latest test is outside the permit's acceptable conditions: O2 19.4 % vol (must be above 19.5 % vol and below 23.5 % vol).",
  },
]
// The server's message is one line; the conditions come as data, and the window never splits the text.
const refusalMessage = `Entry refused for Jo Park into TK-101 on NP-2025-0007: ${unmet.map((u) => u.message).join(' ')}`

const logEntryOf = async (name: string): Promise<ReturnType<typeof within>> => {
  const panel = within(await portal())
  fireEvent.mouseDown(panel.getByRole('combobox', { name: 'Entrant' }))
  fireEvent.click(await screen.findByRole('option', { name }))
  fireEvent.click(panel.getByRole('button', { name: 'Log entry' }))
  return panel
}

const portal = async (): Promise<HTMLElement> => screen.findByRole('region', { name: 'Entry and exit' })

const exitOf = (name: string, headcount: number): ProcedureOutput<'entries.recordExit'> => ({
  id: 90,
  permitId: 7,
  kind: 'exit',
  personKey: 'user:4',
  personName: name,
  at: now,
  headcount,
  warning: null,
})

describe('entry and exit panel', () => {
  it('lists every unmet condition the server sent as data under a summary naming the person', async () => {
    const transport = permitPage().on('entries.recordEntry', refused(refusalMessage, unmet))
    renderApp(transport)

    const panel = await logEntryOf('Jo Park')

    const alert = within(await panel.findByRole('alert'))
    expect(alert.getByText('Entry refused for Jo Park')).toBeTruthy()
    const conditions = within(alert.getByRole('list', { name: 'Unmet conditions' })).getAllByRole('listitem')
    expect(conditions.map((item) => item.textContent)).toEqual(unmet.map((condition) => condition.message))
    expect(transport.callsTo('entries.recordEntry')).toEqual([{ permitId: 7, person: { name: 'Jo Park' } }])
  })

  it('shows a refusal without conditions as its message, with no list to read', async () => {
    const message = 'NP-2025-0007 is closed: no entries are accepted.'
    renderApp(permitPage().on('entries.recordEntry', fail('PRECONDITION_FAILED', message)))

    const panel = await logEntryOf('Jo Park')

    expect((await panel.findByRole('alert')).textContent).toBe(message)
    expect(panel.queryByRole('list', { name: 'Unmet conditions' })).toBeNull()
  })

  it('offers only the authorized entrants who are outside', async () => {
    renderApp(permitPage())
    const panel = within(await portal())

    fireEvent.mouseDown(panel.getByRole('combobox', { name: 'Entrant' }))

    const options = (await screen.findAllByRole('option')).map((option) => option.textContent)
    expect(options).toEqual(['Jo Park'])
  })

  it('keeps every Exit button enabled, even on a suspended permit with a failing atmosphere', async () => {
    renderApp(
      permitPage(
        aDetail(
          { allowedActions: ['resume', 'close', 'cancel'] },
          {
            state: 'suspended',
            atmosphere: { level: 'red', takenAt: now, reasons: ['H2S 30 ppm is not acceptable.'] },
            attendantOnDuty: null,
          },
        ),
        ['attendant'],
      ),
    )
    const panel = within(await portal())

    for (const name of ['Alex Reyes', 'Sam Ortiz']) {
      const exit = panel.getByRole('button', { name: `Exit ${name}` })
      expect(exit.hasAttribute('disabled')).toBe(false)
      expect(exit.getAttribute('aria-disabled')).not.toBe('true')
    }
  })

  it('keeps the Exit button enabled while an exit is being recorded, and records each press', async () => {
    let answer: (result: Result<ProcedureOutput<'entries.recordExit'>>) => void = () => undefined
    const slowExit = new Promise<Result<ProcedureOutput<'entries.recordExit'>>>((resolve) => (answer = resolve))
    const transport = permitPage().on('entries.recordExit', () => slowExit)
    renderApp(transport)
    const panel = within(await portal())

    const exit = panel.getByRole('button', { name: 'Exit Alex Reyes' })
    fireEvent.click(exit)
    expect(exit.hasAttribute('disabled')).toBe(false)
    fireEvent.click(exit)

    expect(transport.callsTo('entries.recordExit')).toEqual([
      { permitId: 7, person: { userId: 4 } },
      { permitId: 7, person: { userId: 4 } },
    ])
    answer(ok(exitOf('Alex Reyes', 1)))
    expect(await panel.findByText('Alex Reyes is out. 1 inside.')).toBeTruthy()
  })

  it('names a person without an account by name when they come out', async () => {
    const transport = permitPage().on(
      'entries.recordExit',
      ok({ ...exitOf('Sam Ortiz', 1), personKey: 'name:Sam Ortiz' }),
    )
    renderApp(transport)

    fireEvent.click(within(await portal()).getByRole('button', { name: 'Exit Sam Ortiz' }))

    await waitFor(() =>
      expect(transport.callsTo('entries.recordExit')).toEqual([{ permitId: 7, person: { name: 'Sam Ortiz' } }]),
    )
  })

  it('says loudly when an exit could not be recorded, and leaves Exit ready to press again', async () => {
    const transport = permitPage().on('entries.recordExit', fail('INTERNAL', 'Gatehouse could not be reached.'))
    renderApp(transport)
    const panel = within(await portal())

    fireEvent.click(panel.getByRole('button', { name: 'Exit Alex Reyes' }))

    expect((await panel.findByRole('alert')).textContent).toMatch(/^The exit of Alex Reyes was NOT recorded/)
    expect(panel.getByRole('button', { name: 'Exit Alex Reyes' }).hasAttribute('disabled')).toBe(false)
  })
})

describe('a deactivated entrant', () => {
  const withJoDeactivated = () => {
    const detail = aDetail()
    return aDetail({
      entrants: detail.entrants.map((entrant) =>
        entrant.name === 'Jo Park' ? { ...entrant, key: 'user:12', userId: 12, deactivated: true } : entrant,
      ),
    })
  }

  it('is marked on the permit’s list of authorized entrants', async () => {
    renderApp(permitPage(withJoDeactivated()))

    const entrants = within(await screen.findByRole('region', { name: 'Authorized entrants' }))
    const items = entrants.getAllByRole('listitem')
    const jo = items.find((item) => item.textContent?.startsWith('Jo Park'))
    expect(jo?.textContent).toContain('Account deactivated')
    expect(items.filter((item) => item.textContent?.includes('Account deactivated'))).toHaveLength(1)
  })

  it('is marked in the portal’s entrant picker, with a warning once chosen', async () => {
    renderApp(permitPage(withJoDeactivated(), ['attendant']))
    const panel = within(await portal())

    fireEvent.mouseDown(panel.getByRole('combobox', { name: 'Entrant' }))
    fireEvent.click(await screen.findByRole('option', { name: 'Jo Park (account deactivated)' }))

    expect(panel.getByText('Jo Park’s account is deactivated: the entry will be refused.')).toBeTruthy()
  })
})
