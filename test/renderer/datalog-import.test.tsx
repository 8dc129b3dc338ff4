import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { DatalogReport } from '../../src/shared/contract/datalog'
import type { ProcedureInput } from '../../src/shared/contract/procedures'
import { aUser } from './support/fixtures'
import { FakeTransport, ok } from './support/fake-transport'
import { now } from './support/permit-fixtures'
import { renderApp, scriptSignedIn } from './support/render-app'

const csv = [
  'Date/Time,SN,O2 (%VOL),LEL (%LEL),H2S (PPM),CO (PPM),Note',
  '2026-11-21T08:10:00Z,MX4,20.9,0,0,1,calm',
  '',
  '2026-11-21T08:10:15Z,MX4,20.8,0,12,2,',
].join('\n')

const registerRow = {
  id: 7,
  spaceName: 'Crude tank 101',
  permitNumber: 'CSE-NORTH-2026-0007',
  status: 'closed' as const,
  location: 'Tank farm',
  issuedBy: 'Sue',
  validFrom: now,
  validTo: now + 8 * 3_600_000,
}

const report: DatalogReport = {
  importId: 3,
  fileName: 'MX4.csv',
  fileSha256: 'f'.repeat(64),
  rows: 2,
  stored: 1,
  alreadyStored: 1,
  permits: ['CSE-NORTH-2026-0007'],
  from: now,
  to: now + 15_000,
  breaches: [{ gas: 'h2s', level: 'low', count: 1 }],
  committedAt: now,
}

function importTab(): FakeTransport {
  window.location.hash = '#/gas/import'
  return scriptSignedIn(new FakeTransport(), aUser(['safety_officer'])).on(
    'permits.register',
    ok({ items: [registerRow], total: 1 }),
  )
}

async function chooseFile(text = csv) {
  const input = await screen.findByLabelText('Datalog file')
  fireEvent.change(input, { target: { files: [new File([text], 'MX4.csv', { type: 'text/csv' })] } })
  return within(await screen.findByRole('table', { name: 'First rows of the file' }))
}

const choose = async (field: string, option: string) => {
  fireEvent.mouseDown(screen.getByRole('combobox', { name: field }))
  fireEvent.click(await screen.findByRole('option', { name: option }))
}

describe('datalog import', () => {
  it('previews the first rows with the column each field was found in, and lets the person change it', async () => {
    renderApp(importTab())
    const preview = await chooseFile()
    const headers = preview.getAllByRole('columnheader').map((cell) => cell.textContent)
    expect(headers).toEqual([
      'Row',
      'Date/Time→ Time',
      'SN→ Instrument serial',
      'O2 (%VOL)→ O2 (% vol)',
      'LEL (%LEL)→ LEL (%)',
      'H2S (PPM)→ H2S (ppm)',
      'CO (PPM)→ CO (ppm)',
      'Note(not imported)',
    ])
    // Row numbers as a spreadsheet shows them: the blank row 3 is passed over, not renumbered.
    expect(preview.getAllByRole('row').map((row) => row.firstChild?.textContent)).toEqual(['Row', '2', '4'])
    expect(screen.getByRole('combobox', { name: 'Time' }).textContent).toBe('Date/Time')
    expect(screen.getByRole('combobox', { name: 'Permit' }).textContent).toBe('Not in the file')

    await choose('LEL (%)', 'Not in the file')
    await choose('Time', 'Note')
    expect(preview.getAllByRole('columnheader').map((cell) => cell.textContent)).toEqual([
      'Row',
      'Date/Time(not imported)',
      'SN→ Instrument serial',
      'O2 (%VOL)→ O2 (% vol)',
      'LEL (%LEL)(not imported)',
      'H2S (PPM)→ H2S (ppm)',
      'CO (PPM)→ CO (ppm)',
      'Note→ Time',
    ])
  })

  it('imports once the permit is chosen, sending each row’s cells as text, and reports what was stored and found', async () => {
    const transport = importTab()
      .on('datalog.begin', ok({ kind: 'opened', importId: 3 }))
      .on('datalog.stage', ok({ issues: [], checked: 2, refused: 0 }))
      .on('datalog.commit', ok(report))
    renderApp(transport)
    await chooseFile()
    const importButton = screen.getByRole('button', { name: 'Import' })
    expect((importButton as HTMLButtonElement).disabled).toBe(true)
    fireEvent.change(screen.getByRole('combobox', { name: 'Permit of every reading' }), { target: { value: 'CSE' } })
    fireEvent.click(await screen.findByRole('option', { name: /CSE-NORTH-2026-0007/ }))
    fireEvent.click(importButton)

    expect(await screen.findByText(/1 readings stored from MX4\.csv; 1 were already stored/)).toBeTruthy()
    const [begun] = transport.callsTo('datalog.begin') as ProcedureInput<'datalog.begin'>[]
    expect(begun).toMatchObject({
      fileName: 'MX4.csv',
      fileBytes: csv.length,
      permitId: 7,
      columns: {
        time: 'Date/Time',
        serial: 'SN',
        o2: 'O2 (%VOL)',
        lel: 'LEL (%LEL)',
        h2s: 'H2S (PPM)',
        co: 'CO (PPM)',
      },
    })
    expect(begun?.fileSha256).toMatch(/^[0-9a-f]{64}$/)
    expect(transport.callsTo('datalog.stage')).toEqual([
      {
        importId: 3,
        rows: [
          { line: 2, time: '2026-11-21T08:10:00Z', serial: 'MX4', o2: '20.9', lel: '0', h2s: '0', co: '1' },
          { line: 4, time: '2026-11-21T08:10:15Z', serial: 'MX4', o2: '20.8', lel: '0', h2s: '12', co: '2' },
        ],
      },
    ])
    expect(transport.callsTo('datalog.commit')).toEqual([{ importId: 3, rows: 2 }])
    const breaches = within(screen.getByRole('table', { name: 'Breaches found in the file' }))
    expect(breaches.getByText('H2S')).toBeTruthy()
    expect(breaches.getByText('Low alarm')).toBeTruthy()
  })

  it('lists every problem by row and column, stores nothing and drops the import', async () => {
    const transport = importTab()
      .on('datalog.begin', ok({ kind: 'opened', importId: 4 }))
      .on(
        'datalog.stage',
        ok({
          issues: [
            { line: 2, field: 'time', rule: 'time_zone', message: 'has no time zone: add the offset' },
            { line: 4, field: 'h2s', rule: 'too_big', message: 'must be between 0 and 500 ppm' },
          ],
          checked: 2,
          refused: 2,
        }),
      )
      .on('datalog.discard', ok({ discarded: true }))
    renderApp(transport)
    await chooseFile(csv.replace(',Note', ',Permit'))
    fireEvent.click(screen.getByRole('button', { name: 'Import' }))

    expect(await screen.findByText(/Nothing was stored: 2 of 2 rows have problems/)).toBeTruthy()
    const problems = within(screen.getByRole('table', { name: 'Problems in the file' }))
    expect(problems.getAllByRole('row').map((row) => row.textContent)).toEqual([
      'RowColumnProblem',
      '2TimeTime has no time zone: add the offset',
      '4H2S (ppm)H2S (ppm) must be between 0 and 500 ppm',
    ])
    expect(screen.getByRole('button', { name: 'Download the problems (CSV)' })).toBeTruthy()
    await waitFor(() => expect(transport.callsTo('datalog.discard')).toEqual([{ importId: 4 }]))
    expect(transport.callsTo('datalog.commit')).toEqual([])
  })

  it('says when and by whom a file was imported before, and stores nothing', async () => {
    const transport = importTab().on(
      'datalog.begin',
      ok({ kind: 'imported_before', importId: 3, fileName: 'MX4.csv', importedAt: now, importedBy: 'Tess', stored: 2 }),
    )
    renderApp(transport)
    await chooseFile(csv.replace(',Note', ',Permit'))
    fireEvent.click(screen.getByRole('button', { name: 'Import' }))
    expect(
      await screen.findByText(/This file was imported on .+ by Tess \(as MX4\.csv, 2 readings\): nothing stored\./),
    ).toBeTruthy()
    expect(transport.callsTo('datalog.stage')).toEqual([])
  })
})
