import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { PermitDetailDto } from '../../src/shared/contract/permits'
import type { ProcedureOutput } from '../../src/shared/contract/procedures'
import { ok } from './support/fake-transport'
import { aDetail, now } from './support/permit-fixtures'
import { permitPage } from './support/permit-page'
import { renderApp } from './support/render-app'

type Inside = PermitDetailDto['card']['inside']
const alex = { key: 'user:4', name: 'Alex Reyes', userId: 4, since: now - 30 * 60_000 }
const sam = { key: 'name:Sam Ortiz', name: 'Sam Ortiz', userId: null, since: now - 20 * 60_000 }
const jo = { key: 'name:Jo Park', name: 'Jo Park', userId: null, since: now }

const event = (
  kind: 'entry' | 'exit',
  personName: string,
  headcount: number,
): ProcedureOutput<'entries.recordExit'> => ({
  id: 90,
  permitId: 7,
  kind,
  personKey: `name:${personName}`,
  personName,
  at: now,
  headcount,
  warning: null,
})

/** The permit's page with a portal whose log the fake keeps: each entry or exit changes who is inside. */
function portalWith(initially: Inside) {
  let inside = initially
  const detail = () => aDetail({}, { inside })
  const transport = permitPage(detail())
    .on('permits.get', () => ok(detail()))
    .on('entries.recordEntry', (input) => {
      inside = [...inside, jo]
      return ok(event('entry', 'name' in input.person ? input.person.name : 'Alex Reyes', inside.length))
    })
    .on('entries.recordExit', (input) => {
      const key = 'userId' in input.person ? `user:${String(input.person.userId)}` : `name:${input.person.name}`
      const person = inside.find((someone) => someone.key === key)
      inside = inside.filter((someone) => someone.key !== key)
      return ok(event('exit', person?.name ?? '', inside.length))
    })
  return transport
}

const portal = async () => within(await screen.findByRole('region', { name: 'Entry and exit' }))

describe('the portal after an entry or an exit', () => {
  it('empties and focuses the entrant picker for the next person, and says who went in in a live region', async () => {
    renderApp(portalWith([alex, sam]))
    const panel = await portal()
    const status = panel.getByRole('status')
    expect(status.textContent).toBe('')

    fireEvent.mouseDown(panel.getByRole('combobox', { name: 'Entrant' }))
    fireEvent.click(await screen.findByRole('option', { name: 'Jo Park' }))
    fireEvent.click(panel.getByRole('button', { name: 'Log entry' }))

    await waitFor(() => expect(status.textContent).toBe('Jo Park entered. 3 inside.'))
    // The same region, still there: its words changed, which is what a screen reader announces.
    expect(panel.getByRole('status')).toBe(status)
    await waitFor(() => expect(document.activeElement).toBe(panel.getByRole('combobox', { name: 'Entrant' })))
    expect(panel.getByRole('combobox', { name: 'Entrant' }).textContent).not.toContain('Jo Park')
  })

  it('moves focus to the next Exit button, then, with nobody left, to the entrant picker', async () => {
    renderApp(portalWith([alex, sam]))
    const panel = await portal()

    const first = panel.getByRole('button', { name: 'Exit Alex Reyes' })
    first.focus()
    fireEvent.click(first)
    await waitFor(() => expect(document.activeElement).toBe(panel.getByRole('button', { name: 'Exit Sam Ortiz' })))
    expect(panel.getByRole('status').textContent).toBe('Alex Reyes is out. 1 inside.')

    fireEvent.click(panel.getByRole('button', { name: 'Exit Sam Ortiz' }))
    await waitFor(() => expect(document.activeElement).toBe(panel.getByRole('combobox', { name: 'Entrant' })))
    expect(panel.getByRole('status').textContent).toBe('Sam Ortiz is out. 0 inside.')
  })
})
