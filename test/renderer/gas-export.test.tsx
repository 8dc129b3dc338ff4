import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { ExportFileDto } from '../../src/shared/contract/exports'
import type { GasExportInput } from '../../src/shared/contract/gas-export'
import type { Result } from '../../src/shared/contract/errors'
import type { TrendDto, TrendQueryInput } from '../../src/shared/contract/trends'
import { toLocalInput } from '../../src/renderer/src/format/local-datetime'
import type { Role } from '../../src/shared/contract/roles'
import { noAlarms } from './support/alarm-fixtures'
import { aUser } from './support/fixtures'
import { FakeTransport, ok } from './support/fake-transport'
import { aCard } from './support/permit-fixtures'
import { renderApp, scriptSignedIn } from './support/render-app'

const hour = 3_600_000

const emptyTrend = (input: TrendQueryInput): TrendDto => ({
  subject: input.subject,
  title: 'Permit NP-2025-0007 (TK-101)',
  from: input.from,
  to: input.to,
  resolution: 'minute',
  columnMs: (input.to - input.from) / input.width,
  series: [],
  bands: [],
  alarms: [],
  occupied: [],
})

const written: ExportFileDto = {
  name: 'gas-readings-2026-11-21T08-00-00Z.json',
  path: '/data/exports/4/gas-readings-2026-11-21T08-00-00Z.json',
  bytes: 48_200,
  sha256: 'ab'.repeat(32),
  rows: 1234,
  checkpoint: { seq: 57, hash: 'cd'.repeat(32), keyId: 'k1' },
  at: Date.now(),
}

function trendsTab(roles: Role[]): FakeTransport {
  window.location.hash = '#/gas/trends?permit=7&range=8h'
  return scriptSignedIn(new FakeTransport(), aUser(roles))
    .on('alarms.summary', ok({ ...noAlarms(), now: Date.now() }))
    .on('permits.register', ok({ items: [], total: 0 }))
    .on('spaces.list', ok({ items: [], total: 0 }))
    .on('instruments.list', ok({ items: [], total: 0 }))
    .on('permits.board', ok({ cards: [aCard()], peopleInside: 2, now: Date.now() }))
    .on('trends.query', (input) => ok(emptyTrend(input as TrendQueryInput)))
}

describe('exporting gas data from a trend', () => {
  it('writes the chosen data of the permit on screen for its window, with the server’s progress, then says what was written', async () => {
    let answer: (result: Result<ExportFileDto>) => void = () => undefined
    const transport = trendsTab(['safety_officer']).on(
      'gas.export',
      () => new Promise<Result<ExportFileDto>>((resolve) => (answer = resolve)),
    )
    renderApp(transport)
    fireEvent.click(await screen.findByRole('button', { name: 'Export…' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Export gas data' }))
    expect(dialog.getByText('Permit NP-2025-0007 (TK-101)')).toBeTruthy()
    fireEvent.click(dialog.getByRole('radio', { name: /^Per hour/ }))
    fireEvent.click(dialog.getByRole('radio', { name: /^JSON/ }))
    const from = Date.now() - 2 * hour
    const to = Date.now() - hour
    fireEvent.change(dialog.getByLabelText('From'), { target: { value: toLocalInput(from) } })
    fireEvent.change(dialog.getByLabelText('To'), { target: { value: toLocalInput(to) } })
    fireEvent.click(dialog.getByRole('button', { name: 'Export' }))

    await waitFor(() => expect(transport.callsTo('gas.export')).toHaveLength(1))
    const [asked] = transport.callsTo('gas.export') as GasExportInput[]
    expect(asked).toEqual({
      subject: { kind: 'permit', permitId: 7 },
      dataset: 'readings',
      resolution: 'hour',
      format: 'json',
      from: Math.floor(from / 60_000) * 60_000,
      to: Math.floor(to / 60_000) * 60_000,
    })
    transport.emit('exports.progress', { exportId: written.name, userId: 1, written: 600, total: 1300, at: Date.now() })
    expect(await dialog.findByText('600 of about 1,300 rows written')).toBeTruthy()

    answer({ ok: true, value: written })
    expect(await dialog.findByText('1,234 rows written, 48.2 KB')).toBeTruthy()
    // On the desktop the file is on this machine: its path is shown.
    expect(dialog.getByText(written.path)).toBeTruthy()
  })

  it('checks the range before asking', async () => {
    const transport = trendsTab(['safety_officer'])
    renderApp(transport)
    fireEvent.click(await screen.findByRole('button', { name: 'Export…' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Export gas data' }))
    fireEvent.change(dialog.getByLabelText('To'), { target: { value: toLocalInput(Date.now() - 9 * hour) } })
    fireEvent.click(dialog.getByRole('button', { name: 'Export' }))
    expect(await dialog.findByText('must be before to')).toBeTruthy()
    expect(transport.callsTo('gas.export')).toEqual([])
  })

  it('is not offered to an attendant', async () => {
    const transport = trendsTab(['attendant'])
    renderApp(transport)
    expect(await screen.findByRole('group', { name: 'Time window' })).toBeTruthy()
    await waitFor(() => expect(transport.callsTo('trends.query')).toHaveLength(1))
    expect(screen.queryByRole('button', { name: 'Export…' })).toBeNull()
  })
})
