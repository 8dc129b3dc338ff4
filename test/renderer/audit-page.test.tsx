import { fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { aUser, anAuditEntry } from './support/fixtures'
import { FakeTransport, ok } from './support/fake-transport'
import { renderApp, scriptSignedIn } from './support/render-app'

const entries = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => anAuditEntry(from - i))

const shownSeqs = (): string[] =>
  within(screen.getByRole('table', { name: 'Audit log' }))
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.querySelector('td')?.textContent ?? '')

function auditor(): FakeTransport {
  window.location.hash = '#/audit'
  return scriptSignedIn(new FakeTransport(), aUser(['auditor']))
}

describe('audit page', () => {
  it('lists entries newest first and pages back with Load older', async () => {
    const transport = auditor().on('audit.list', (input) =>
      input.beforeSeq === 3
        ? ok({ items: entries(2, 1), nextBeforeSeq: null })
        : ok({ items: entries(5, 3), nextBeforeSeq: 3 }),
    )
    renderApp(transport)

    await screen.findAllByRole('cell', { name: '5' })
    expect(shownSeqs()).toEqual(['5', '4', '3'])

    fireEvent.click(screen.getByRole('button', { name: 'Load older' }))

    await screen.findAllByRole('cell', { name: '1' })
    expect(shownSeqs()).toEqual(['5', '4', '3', '2', '1'])
    expect(screen.queryByRole('button', { name: 'Load older' })).toBeNull()
  })

  it('shows new entries as they are appended', async () => {
    let head = 2
    const transport = auditor().on('audit.list', () => ok({ items: entries(head, 1), nextBeforeSeq: null }))
    renderApp(transport)
    await screen.findAllByRole('cell', { name: '2' })

    head = 3
    transport.emit('audit.appended', {
      seq: 3,
      action: 'users.create',
      entityType: 'user',
      entityId: '3',
      at: Date.now(),
    })

    await screen.findAllByRole('cell', { name: '3' })
    expect(shownSeqs()).toEqual(['3', '2', '1'])
  })

  it('reports a broken chain with the first broken entry and the head hash', async () => {
    const transport = auditor()
      .on('audit.list', ok({ items: entries(2, 1), nextBeforeSeq: null }))
      .on(
        'audit.verify',
        ok({
          intact: false,
          checked: 9,
          headSeq: 9,
          headHash: 'abc123',
          firstBroken: { seq: 4, reason: 'hash mismatch' },
        }),
      )
    renderApp(transport)

    fireEvent.click(await screen.findByRole('button', { name: 'Verify chain' }))

    const result = await screen.findByRole('status')
    expect(result.textContent).toContain('Chain broken')
    expect(result.textContent).toContain('#4')
    expect(result.textContent).toContain('abc123')
  })
})
