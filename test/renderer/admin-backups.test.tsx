import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { formatShortTime, formatTime } from '../../src/renderer/src/format/time'
import { aUser } from './support/fixtures'
import { FakeTransport, fail, ok } from './support/fake-transport'
import { descriptionOf, renderApp, scriptSignedIn } from './support/render-app'
import { aBackup, backupsPage, scriptSystem } from './support/system-fixtures'

const hour = 3_600_000
const scheduled = aBackup()
const manual = aBackup({
  id: 2,
  file: 'gatehouse-20261121T093000Z-manual.db',
  at: scheduled.at + 1.5 * hour,
  trigger: 'manual',
  bytes: 2_500_000,
  checkpointSeq: 57,
})
const damaged = aBackup({
  id: 3,
  file: 'gatehouse-20261120T080000Z-scheduled.db',
  at: scheduled.at - 24 * hour,
  integrity: '*** in database main *** Page 12: btreeInitPage() returns error code 11',
  checkpointSeq: 30,
  onDisk: false,
  removedAt: scheduled.at,
})

function administrator(): FakeTransport {
  window.location.hash = '#/admin'
  return scriptSystem(scriptSignedIn(new FakeTransport(), aUser(['administrator'])))
    .on('users.list', ok({ items: [], total: 0 }))
    .on('sites.list', ok([]))
    .on('devices.list', ok([]))
    .on('system.backups', ok(backupsPage([manual, scheduled, damaged], { nextDueAt: scheduled.at + 24 * hour })))
}

const section = async (name: string) => within(await screen.findByRole('region', { name }))
const rowOf = (table: ReturnType<typeof within>, file: string) =>
  within(table.getByRole('cell', { name: file }).closest('tr') ?? document.body)

describe('the Admin page’s System and Backups sections', () => {
  it('show the version, data folder, database file and migrations applied', async () => {
    renderApp(administrator())
    const system = await section('System')
    expect(await system.findByText('/srv/gatehouse/gatehouse.db')).toBeTruthy()
    // The system's own facts: the section's other lists (retention, integrity checks) have their tests.
    const list = system.getByText('Version').closest('dl')
    if (!list) throw new Error('the system facts are not a description list')
    const facts = Object.fromEntries(
      within(list as HTMLElement)
        .getAllByRole('term')
        .map((term) => [term.textContent, term.nextElementSibling?.textContent]),
    )
    expect(facts).toEqual({
      Version: '0.1.0',
      'Migrations applied': '17',
      'Data folder': '/srv/gatehouse',
      'Database file': '/srv/gatehouse/gatehouse.db',
    })
  })

  it('list each backup newest first with its time here, size in MB, trigger, check and checkpoint', async () => {
    renderApp(administrator())
    const backups = await section('Backups')
    const table = within(await backups.findByRole('table', { name: 'Backups' }))
    await table.findByRole('cell', { name: manual.file })
    const files = table
      .getAllByRole('row')
      .slice(1)
      .map((row) => row.children[1]?.textContent)
    expect(files).toEqual([manual.file, scheduled.file, damaged.file])

    const cells = (file: string) =>
      rowOf(table, file)
        .getAllByRole('cell')
        .map((cell) => cell.textContent)
    expect(cells(manual.file)).toEqual([
      formatTime(manual.at),
      manual.file,
      '2.50 MB',
      'Manual',
      'OK',
      '57',
      'On disk',
      'Restore…',
    ])
    expect(cells(damaged.file)).toEqual([
      formatTime(damaged.at),
      damaged.file,
      '1.23 MB',
      'Scheduled',
      `Problem ${damaged.integrity}`,
      '30',
      `Removed ${formatShortTime(scheduled.at)}`,
      // Neither on disk nor sound: nothing to restore.
      '',
    ])
    expect(backups.getByText(/Written to \/srv\/gatehouse\/backups/).textContent).toContain(
      `Next scheduled backup: ${formatTime(scheduled.at + 24 * hour)} (`,
    )
  })

  it('back up now: the backup is confirmed with its check, and the list reloads', async () => {
    const taken = aBackup({ id: 4, file: 'gatehouse-20261121T100000Z-manual.db', trigger: 'manual' })
    const transport = administrator().on('system.backup', ok(taken))
    renderApp(transport)
    const backups = await section('Backups')
    await backups.findByRole('cell', { name: manual.file })

    transport.on('system.backups', ok(backupsPage([taken, manual, scheduled, damaged])))
    fireEvent.click(backups.getByRole('button', { name: 'Back up now' }))

    expect((await backups.findByRole('status')).textContent).toBe(
      `Backup ${taken.file} taken (1.23 MB). Its integrity check passed.`,
    )
    expect(await backups.findByRole('cell', { name: taken.file })).toBeTruthy()
    expect(transport.callsTo('system.backup')).toEqual([{}])
  })

  it('say when a scheduled backup could not be written', async () => {
    const failedAt = scheduled.at + 25 * hour
    const transport = administrator().on(
      'system.backups',
      ok(backupsPage([scheduled], { lastFailure: { at: failedAt, message: 'SQLITE_FULL: database or disk is full' } })),
    )
    renderApp(transport)
    const backups = await section('Backups')
    expect(
      await backups.findByText(
        `The scheduled backup of ${formatTime(failedAt)} could not be written: SQLITE_FULL: database or disk is full`,
      ),
    ).toBeTruthy()
  })

  it('set the schedule, showing the form’s own and the server’s issues under their fields', async () => {
    const transport = administrator().on(
      'system.setBackupSchedule',
      fail('VALIDATION', 'Please correct the input: keepScheduled must be at most 365.', [
        { field: 'keepScheduled', rule: 'too_big', message: 'must be at most 365' },
      ]),
    )
    renderApp(transport)
    const form = within(await screen.findByRole('form', { name: 'Backup schedule' }))
    const hours = form.getByLabelText('Back up every (hours)')
    const keep = form.getByLabelText('Scheduled backups kept')
    expect(hours).toHaveProperty('value', '24')
    expect(keep).toHaveProperty('value', '14')

    fireEvent.change(hours, { target: { value: 'daily' } })
    fireEvent.click(form.getByRole('button', { name: 'Save schedule' }))
    expect(descriptionOf(hours)).toBe('must be a whole number of hours')
    expect(transport.callsTo('system.setBackupSchedule')).toEqual([])

    fireEvent.change(hours, { target: { value: '12' } })
    fireEvent.change(keep, { target: { value: '500' } })
    fireEvent.click(form.getByRole('button', { name: 'Save schedule' }))
    await waitFor(() => expect(descriptionOf(keep)).toBe('must be at most 365'))
    expect(form.getByRole('alert').textContent).toContain('Scheduled backups kept must be at most 365.')
    expect(form.getByRole('alert').textContent).not.toContain('keepScheduled')

    transport
      .on('system.setBackupSchedule', (input) => ok({ ...input, updatedAt: Date.now() }))
      .on(
        'system.backups',
        ok(backupsPage([scheduled], { schedule: { everyHours: 12, keepScheduled: 30, updatedAt: 1 } })),
      )
    fireEvent.change(keep, { target: { value: '30' } })
    fireEvent.click(form.getByRole('button', { name: 'Save schedule' }))
    // Saved, the form shows the schedule as the server now holds it.
    expect((await (await section('Backups')).findByRole('status')).textContent).toBe('Schedule saved.')
    const saved = within(screen.getByRole('form', { name: 'Backup schedule' }))
    expect(saved.getByLabelText('Back up every (hours)')).toHaveProperty('value', '12')
    expect(saved.getByLabelText('Scheduled backups kept')).toHaveProperty('value', '30')
    expect(transport.callsTo('system.setBackupSchedule').at(-1)).toEqual({ everyHours: 12, keepScheduled: 30 })
  })

  it('follow backups the schedule takes while the page is open', async () => {
    const transport = administrator()
    renderApp(transport)
    const backups = await section('Backups')
    await backups.findByRole('cell', { name: manual.file })

    const next = aBackup({ id: 5, file: 'gatehouse-20261122T080000Z-scheduled.db', at: scheduled.at + 24 * hour })
    transport.on('system.backups', ok(backupsPage([next, manual, scheduled, damaged])))
    transport.emit('system.backupsChanged', { at: next.at })

    expect(await backups.findByRole('cell', { name: next.file })).toBeTruthy()
  })
})
