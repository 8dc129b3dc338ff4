import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { EntryPairDto } from '../../src/shared/contract/permits'
import type { Role } from '../../src/shared/contract/roles'
import { ok } from './support/fake-transport'
import { aCard, aDetail, now } from './support/permit-fixtures'
import { permitPage } from './support/permit-page'
import { descriptionOf, renderApp } from './support/render-app'

const minutes = 60_000

const pair = (personName: string, personKey: string, from: number, to: number | null, exitId: number | null) =>
  ({
    personKey,
    personName,
    entryTime: now - from * minutes,
    exitTime: to === null ? null : now - to * minutes,
    exitId,
    remarks: `${personName} in ${String(from)} min ago`,
  }) satisfies EntryPairDto

/** Alex went out and back in (inside now); Jo went in twice and is out; Sam went in once and is out. */
const log = [
  pair('Jo Park', 'name:Jo Park', 90, 80, 30),
  pair('Alex Reyes', 'user:4', 60, 50, 31),
  pair('Jo Park', 'name:Jo Park', 45, 20, 33),
  pair('Alex Reyes', 'user:4', 30, null, null),
  pair('Sam Ortiz', 'name:Sam Ortiz', 40, 10, 34),
]
const alexInside = aCard().inside.filter((person) => person.name === 'Alex Reyes')

const pageWith = (state: 'active' | 'closed' = 'active', roles: Role[] = ['attendant']) =>
  permitPage(aDetail({ entries: log }, { state, inside: alexInside }), roles)

const entriesTable = async () => within(await screen.findByRole('table', { name: 'Entries and exits' }))

describe('correcting an exit logged by mistake', () => {
  it('is offered only on the latest exit of each person who is not inside', async () => {
    renderApp(pageWith())
    const table = await entriesTable()

    const offers = table.getAllByRole('button', { name: /^Correct exit of / })
    expect(offers.map((button) => button.getAttribute('aria-label'))).toEqual([
      'Correct exit of Jo Park',
      'Correct exit of Sam Ortiz',
    ])
    const joRow = offers[0]?.closest('tr')
    expect(joRow?.textContent).toContain('Jo Park in 45 min ago')
  })

  it('asks why, then sends the exit’s id and the reason, and says the person is back inside', async () => {
    const transport = pageWith().on('entries.correctExit', (input) =>
      ok({
        id: 40,
        permitId: input.permitId,
        kind: 'entry',
        personKey: 'name:Jo Park',
        personName: 'Jo Park',
        at: now,
        headcount: 2,
        warning: null,
      }),
    )
    renderApp(transport)
    fireEvent.click((await entriesTable()).getByRole('button', { name: 'Correct exit of Jo Park' }))

    const dialog = within(await screen.findByRole('dialog', { name: 'Correct the exit of Jo Park' }))
    expect(
      dialog.getByText(/^Use this only when the person is still inside: the exit was logged by mistake\./),
    ).toBeTruthy()
    fireEvent.click(dialog.getByRole('button', { name: 'Correct exit' }))
    expect(descriptionOf(dialog.getByLabelText(/^Reason/))).toMatch(/^is required/)
    expect(transport.callsTo('entries.correctExit')).toHaveLength(0)

    const asked = transport.callsTo('permits.get').length
    fireEvent.change(dialog.getByLabelText(/^Reason/), { target: { value: 'Pressed Exit for the wrong person' } })
    fireEvent.click(dialog.getByRole('button', { name: 'Correct exit' }))

    await waitFor(() =>
      expect(transport.callsTo('entries.correctExit')).toEqual([
        { permitId: 7, exitId: 33, reason: 'Pressed Exit for the wrong person' },
      ]),
    )
    expect(await screen.findByText(/^Jo Park is back inside: the exit logged by mistake was corrected\./)).toBeTruthy()
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    await waitFor(() => expect(transport.callsTo('permits.get').length).toBeGreaterThan(asked))
  })

  it('is not offered to a role that may not call it', async () => {
    renderApp(pageWith('active', ['safety_officer']))

    await entriesTable()
    expect(screen.queryByRole('button', { name: /^Correct exit of / })).toBeNull()
  })

  it('is not offered on a closed permit', async () => {
    renderApp(pageWith('closed', ['supervisor']))

    await entriesTable()
    expect(screen.queryByRole('button', { name: /^Correct exit of / })).toBeNull()
  })

  it('leaves Exit a single click: the exit is recorded with no dialog in between', async () => {
    const transport = pageWith().on(
      'entries.recordExit',
      ok({
        id: 41,
        permitId: 7,
        kind: 'exit',
        personKey: 'user:4',
        personName: 'Alex Reyes',
        at: now,
        headcount: 0,
        warning: null,
      }),
    )
    renderApp(transport)

    fireEvent.click(await screen.findByRole('button', { name: 'Exit Alex Reyes' }))

    expect(screen.queryByRole('dialog')).toBeNull()
    await waitFor(() =>
      expect(transport.callsTo('entries.recordExit')).toEqual([{ permitId: 7, person: { userId: 4 } }]),
    )
  })
})
