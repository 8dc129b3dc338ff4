import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { formatTime } from '../../src/renderer/src/format/time'
import type { IntegrityCheckDto } from '../../src/shared/contract/system'
import { aUser } from './support/fixtures'
import { FakeTransport, fail, ok } from './support/fake-transport'
import { descriptionOf, renderApp, scriptSignedIn } from './support/render-app'
import { aCheck, checksPage, scriptSystem } from './support/system-fixtures'

const hour = 3_600_000
const startup = aCheck()
const passed = aCheck({ id: 2, at: startup.at + hour, trigger: 'scheduled', durationMs: 7_534, pages: 76_537 })
const damage = '*** in database main ***\nTree 112 page 259: btreeInitPage() returns error code 11'
const failed = aCheck({ id: 3, at: passed.at + hour, trigger: 'manual', result: damage, durationMs: 8_100 })

function administrator(hash: string, checks: IntegrityCheckDto[]): FakeTransport {
  window.location.hash = hash
  return scriptSystem(scriptSignedIn(new FakeTransport(), aUser(['administrator'])))
    .on('users.list', ok({ items: [], total: 0 }))
    .on('sites.list', ok([]))
    .on('devices.list', ok([]))
    .on('system.integrityChecks', ok(checksPage(checks)))
}

const systemSection = async () => within(await screen.findByRole('region', { name: 'System' }))

describe('the database checks on the Admin page', () => {
  it('show the last full check’s result and time, what start-up checked, and each check in a table', async () => {
    renderApp(administrator('#/admin', [passed, startup]))
    const system = await systemSection()
    expect(
      await system.findByText(
        `Last full integrity check passed: ${formatTime(passed.at)} (scheduled, 7 s, 76,537 pages). Next scheduled check: ${formatTime(passed.at + 24 * hour)}.`,
      ),
    ).toBeTruthy()
    expect(system.getByText(/^Start-up check of .*: passed in 23 ms, 76,537 pages\./).textContent).toContain(
      formatTime(startup.at),
    )
    const table = within(system.getByRole('table', { name: 'Database checks' }))
    const rows = table
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.children].map((cell) => cell.textContent))
    expect(rows).toEqual([
      [formatTime(passed.at), 'Scheduled', 'OK', '7 s', '76,537'],
      [formatTime(startup.at), 'Start-up', 'OK', '23 ms', '76,537'],
    ])
  })

  it('check now: the button waits for the result, then the section shows it', async () => {
    let answer: (value: ReturnType<typeof ok<IntegrityCheckDto>>) => void = () => undefined
    const transport = administrator('#/admin', [startup]).on(
      'system.checkIntegrity',
      () => new Promise((resolve) => (answer = resolve)),
    )
    renderApp(transport)
    const system = await systemSection()
    expect(await system.findByText(/No full integrity check has run yet/)).toBeTruthy()
    fireEvent.click(system.getByRole('button', { name: 'Check now' }))
    expect(system.getByRole('button', { name: 'Checking…' })).toHaveProperty('disabled', true)

    const manual = aCheck({ id: 4, at: startup.at + 2 * hour, trigger: 'manual', durationMs: 512, pages: 300 })
    transport.on('system.integrityChecks', ok(checksPage([manual, startup])))
    answer(ok(manual))
    expect(
      await system.findByText(
        `Last full integrity check passed: ${formatTime(manual.at)} (manual, 512 ms, 300 pages)`,
        {
          exact: false,
        },
      ),
    ).toBeTruthy()
    expect(system.getByRole('button', { name: 'Check now' })).toHaveProperty('disabled', false)
    expect(transport.callsTo('system.checkIntegrity')).toEqual([{}])
  })

  it('say a check is running (on schedule) and offer no second one; a refusal is shown', async () => {
    const transport = administrator('#/admin', [startup]).on(
      'system.integrityChecks',
      ok(checksPage([startup], { running: { trigger: 'scheduled', startedAt: startup.at + hour } })),
    )
    renderApp(transport)
    const system = await systemSection()
    expect(
      await system.findByText(
        `A full integrity check is running (scheduled, started ${formatTime(startup.at + hour)})`,
        {
          exact: false,
        },
      ),
    ).toBeTruthy()
    expect(system.getByRole('button', { name: 'Checking…' })).toHaveProperty('disabled', true)

    transport
      .on('system.integrityChecks', ok(checksPage([startup])))
      .on('system.checkIntegrity', fail('CONFLICT', 'A full integrity check is already running.'))
    transport.emit('system.integrityChecksChanged', { at: startup.at + 2 * hour })
    fireEvent.click(await system.findByRole('button', { name: 'Check now' }))
    expect(await system.findByText('A full integrity check is already running.')).toBeTruthy()
  })

  it('set how often the full check runs, the form’s own issue under the field', async () => {
    const transport = administrator('#/admin', [startup]).on('system.setIntegrityCheckSchedule', (input) =>
      ok({ ...input, updatedAt: Date.now() }),
    )
    renderApp(transport)
    const form = within(await screen.findByRole('form', { name: 'Integrity check schedule' }))
    const hours = form.getByLabelText('Full check every (hours)')
    expect(hours).toHaveProperty('value', '24')
    fireEvent.change(hours, { target: { value: 'weekly' } })
    fireEvent.click(form.getByRole('button', { name: 'Save check schedule' }))
    expect(descriptionOf(hours)).toBe('must be a whole number of hours')
    expect(transport.callsTo('system.setIntegrityCheckSchedule')).toEqual([])

    transport.on('system.integrityChecks', ok(checksPage([startup], { schedule: { everyHours: 6, updatedAt: 1 } })))
    fireEvent.change(hours, { target: { value: '6' } })
    fireEvent.click(form.getByRole('button', { name: 'Save check schedule' }))
    expect((await (await systemSection()).findByRole('status')).textContent).toBe('Check schedule saved.')
    await waitFor(() =>
      expect(
        within(screen.getByRole('form', { name: 'Integrity check schedule' })).getByLabelText(
          'Full check every (hours)',
        ),
      ).toHaveProperty('value', '6'),
    )
    expect(transport.callsTo('system.setIntegrityCheckSchedule')).toEqual([{ everyHours: 6 }])
  })
})

describe('a failed full check', () => {
  it('is shown to an administrator on every page, with the way to the Admin page', async () => {
    renderApp(administrator('#/board', [failed, passed, startup]))
    const notice = await screen.findByText('The database check found a problem')
    const alert = notice.closest('[role="alert"]') ?? document.body
    expect(alert.textContent).toContain(`The full integrity check of ${formatTime(failed.at)} found: ${damage}`)
    expect(
      within(alert as HTMLElement)
        .getByRole('link', { name: 'Open Admin' })
        .getAttribute('href'),
    ).toBe('#/admin')
  })

  it('is said in the System section on the Admin page, not twice', async () => {
    renderApp(administrator('#/admin', [failed, passed, startup]))
    const system = await systemSection()
    expect(
      await system.findByText(`The full integrity check of ${formatTime(failed.at)} found a problem`, { exact: false }),
    ).toBeTruthy()
    expect(screen.queryByText('The database check found a problem')).toBeNull()
  })

  it('is not shown to someone who is not an administrator', async () => {
    window.location.hash = '#/access'
    const transport = scriptSignedIn(new FakeTransport(), aUser(['requester'])).on(
      'system.integrityChecks',
      ok(checksPage([failed])),
    )
    renderApp(transport)
    await screen.findByRole('heading', { level: 1 })
    expect(transport.callsTo('system.integrityChecks')).toEqual([])
    expect(screen.queryByText('The database check found a problem')).toBeNull()
  })
})
