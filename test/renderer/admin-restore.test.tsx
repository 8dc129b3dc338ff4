import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { aUser } from './support/fixtures'
import { FakeTransport, fail, ok } from './support/fake-transport'
import { renderApp, scriptSignedIn } from './support/render-app'
import { aBackup, backupsPage, scriptSystem } from './support/system-fixtures'

const good = aBackup()
const missing = aBackup({ id: 2, file: 'gatehouse-20261120T080000Z-scheduled.db', onDisk: false })
const failed = aBackup({ id: 3, file: 'gatehouse-20261119T080000Z-scheduled.db', integrity: 'Page 12: bad' })

function administrator(): FakeTransport {
  window.location.hash = '#/admin'
  return scriptSystem(scriptSignedIn(new FakeTransport(), aUser(['administrator'])))
    .on('users.list', ok({ items: [], total: 0 }))
    .on('sites.list', ok([]))
    .on('devices.list', ok([]))
    .on('system.backups', ok(backupsPage([good, missing, failed])))
}

const backupsTable = async () => within(await screen.findByRole('table', { name: 'Backups' }))

describe('restoring a backup from the Admin page', () => {
  it('is offered only on a backup that is on disk and passed its check', async () => {
    renderApp(administrator())
    const table = await backupsTable()
    await table.findByRole('cell', { name: good.file })

    expect(
      table.getAllByRole('button', { name: /^Restore…/ }).map((button) => button.getAttribute('aria-label')),
    ).toEqual([`Restore… ${good.file}`])
  })

  it('says what happens, signs with the password, and returns to sign-in saying what was done', async () => {
    const transport = administrator().on(
      'database.restore',
      fail('VALIDATION', 'The password you entered to sign is wrong.', [
        { field: 'password', rule: 'signature', message: 'is not your password' },
      ]),
    )
    renderApp(transport)
    fireEvent.click((await backupsTable()).getByRole('button', { name: `Restore… ${good.file}` }))
    const shown = await screen.findByRole('dialog', { name: `Restore backup ${good.file}?` })
    const dialog = within(shown)
    const said = shown.textContent ?? ''
    expect(said).toMatch(/The current database is backed up first/)
    expect(said).toMatch(/Every session ends, yours too/)
    expect(said).toMatch(/restarts on the restored data/)

    fireEvent.change(dialog.getByLabelText(/^Password/), { target: { value: 'wrong' } })
    fireEvent.click(dialog.getByRole('button', { name: 'Sign and restore' }))
    expect(await dialog.findByText('Password is not your password.')).toBeTruthy()
    expect(document.activeElement).toBe(dialog.getByLabelText(/^Password/))

    transport.on(
      'database.restore',
      ok({ restoredFrom: good.file, preRestoreBackup: 'gatehouse-20261121T120000Z-manual.db' }),
    )
    fireEvent.change(dialog.getByLabelText(/^Password/), { target: { value: 'correct horse battery staple' } })
    fireEvent.click(dialog.getByRole('button', { name: 'Sign and restore' }))

    await waitFor(() => expect(screen.queryByRole('button', { name: 'Sign in' })).not.toBeNull())
    expect(
      screen.getByText(/The database was restored from gatehouse-20261121T080000Z-scheduled\.db\./).textContent,
    ).toMatch(/kept in backup gatehouse-20261121T120000Z-manual\.db\. Every session ended: sign in again\./)
    expect(transport.callsTo('database.restore').at(-1)).toEqual({
      backupId: good.id,
      password: 'correct horse battery staple',
    })
  })
})
