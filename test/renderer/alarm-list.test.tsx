import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { AlarmDto } from '../../src/shared/contract/alarms'
import type { ProcedureInput } from '../../src/shared/contract/procedures'
import type { Role } from '../../src/shared/contract/roles'
import { anAlarm } from './support/alarm-fixtures'
import { aUser } from './support/fixtures'
import { FakeTransport, ok } from './support/fake-transport'
import { aSpace, now } from './support/permit-fixtures'
import { renderApp, scriptSignedIn } from './support/render-app'

type ListInput = ProcedureInput<'alarms.list'>

const cleared = anAlarm({
  id: 90,
  priority: 'medium',
  state: 'cleared_acknowledged',
  acknowledgedAt: now - 60_000,
  acknowledgedBy: 'Pat Lee',
  clearedAt: now - 30_000,
})

function alarmList(items: AlarmDto[], roles: Role[] = ['supervisor']): FakeTransport {
  window.location.hash = '#/gas/alarms'
  return scriptSignedIn(new FakeTransport(), aUser(roles))
    .on('alarms.list', ok({ items, hasMore: false }))
    .on('permits.register', ok({ items: [], total: 0 }))
    .on('spaces.list', ok({ items: [aSpace()], total: 1 }))
}

const table = (): Promise<HTMLElement> => screen.findByRole('table', { name: 'Alarm list' })
const lastListInput = (transport: FakeTransport): ListInput => transport.callsTo('alarms.list').at(-1) as ListInput

describe('alarm list', () => {
  it('is the first tab of the Gas page and shows each alarm in its ISA-18.2 state', async () => {
    renderApp(alarmList([anAlarm(), cleared]))
    const rows = within(await table())

    expect(await rows.findByText('Active, not acknowledged')).toBeTruthy()
    expect(rows.getByText('Cleared, awaiting resolution')).toBeTruthy()
    expect(rows.getByText(/^Acknowledged .* by Pat Lee$/)).toBeTruthy()
    expect(screen.getByRole('tab', { name: 'Alarms', selected: true })).toBeTruthy()
  })

  it('asks again with each filter: open, unacknowledged, space, gas', async () => {
    const transport = alarmList([anAlarm()])
    renderApp(transport)
    await table()
    expect(lastListInput(transport)).toEqual({ open: true, limit: 50 })

    fireEvent.click(screen.getByRole('checkbox', { name: 'Not acknowledged only' }))
    await waitFor(() => expect(lastListInput(transport)).toEqual({ open: true, unacknowledged: true, limit: 50 }))

    fireEvent.click(screen.getByRole('checkbox', { name: 'Open only' }))
    await waitFor(() => expect(lastListInput(transport)).toEqual({ unacknowledged: true, limit: 50 }))

    fireEvent.mouseDown(screen.getByRole('combobox', { name: 'Gas' }))
    fireEvent.click(await screen.findByRole('option', { name: 'H2S' }))
    await waitFor(() => expect(lastListInput(transport)).toMatchObject({ gas: 'h2s' }))

    fireEvent.change(screen.getByRole('combobox', { name: 'Space' }), { target: { value: 'TK' } })
    fireEvent.click(await screen.findByRole('option', { name: 'TK-101 — Settling tank 1' }))
    await waitFor(() => expect(lastListInput(transport)).toMatchObject({ spaceId: 3, gas: 'h2s' }))
  })

  it('pages back with Load older, from the oldest alarm shown', async () => {
    const transport = alarmList([]).on('alarms.list', (input) =>
      input.beforeId === 50
        ? ok({ items: [anAlarm({ id: 49, spaceTag: 'OLD-49' })], hasMore: false })
        : ok({
            items: [anAlarm({ id: 51, spaceTag: 'NEW-51' }), anAlarm({ id: 50, spaceTag: 'NEW-50' })],
            hasMore: true,
          }),
    )
    renderApp(transport)
    await within(await table()).findByText('NEW-51')

    fireEvent.click(screen.getByRole('button', { name: 'Load older' }))

    expect(await screen.findByText('OLD-49')).toBeTruthy()
    expect(lastListInput(transport)).toEqual({ open: true, beforeId: 50, limit: 50 })
    expect(screen.queryByRole('button', { name: 'Load older' })).toBeNull()
  })

  it('acknowledges every alarm of one instrument at once', async () => {
    const transport = alarmList([anAlarm()]).on('alarms.acknowledge', () => ok({ acknowledged: 3 }))
    renderApp(transport)

    fireEvent.click(await within(await table()).findByRole('button', { name: 'Acknowledge every alarm of BW-4471' }))

    await waitFor(() => expect(transport.callsTo('alarms.acknowledge')).toEqual([{ instrumentId: 31 }]))
    expect(await screen.findByText('3 alarms of BW-4471 acknowledged.')).toBeTruthy()
  })

  it('resolves a cleared, acknowledged alarm with what it was and whether help was sent', async () => {
    const transport = alarmList([anAlarm(), cleared]).on('alarms.resolve', (input) =>
      ok({ ...cleared, state: 'resolved', resolution: input.resolution, helpSent: input.helpSent }),
    )
    renderApp(transport)
    const rows = within(await table())
    await rows.findByText('Cleared, awaiting resolution')
    // Only a cleared alarm that someone has seen may be resolved.
    expect(rows.getAllByRole('button', { name: /^Resolve/ })).toHaveLength(1)

    fireEvent.click(rows.getByRole('button', { name: 'Resolve alarm 90' }))
    const dialog = within(await screen.findByRole('dialog', { name: 'Resolve the alarm on TK-101' }))
    fireEvent.click(dialog.getByRole('button', { name: 'Resolve alarm' }))
    expect(await dialog.findByText('is required: say what the alarm turned out to be')).toBeTruthy()
    expect(transport.callsTo('alarms.resolve')).toHaveLength(0)

    fireEvent.click(dialog.getByRole('radio', { name: 'False alarm' }))
    fireEvent.click(dialog.getByRole('radio', { name: 'No' }))
    fireEvent.change(dialog.getByLabelText('Note'), { target: { value: 'Sensor drift after a bump test' } })
    fireEvent.click(dialog.getByRole('button', { name: 'Resolve alarm' }))

    await waitFor(() =>
      expect(transport.callsTo('alarms.resolve')).toEqual([
        { alarmId: 90, resolution: 'false_alarm', note: 'Sensor drift after a bump test', helpSent: false },
      ]),
    )
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  })

  it('offers resolution only to supervisors', async () => {
    renderApp(alarmList([cleared], ['safety_officer']))
    const rows = within(await table())

    await rows.findByText('Cleared, awaiting resolution')
    expect(rows.queryByRole('button', { name: /^Resolve/ })).toBeNull()
  })

  it('shows a newly raised alarm without a reload', async () => {
    const transport = alarmList([cleared])
    renderApp(transport)
    await within(await table()).findByText('Cleared, awaiting resolution')

    transport.on('alarms.list', ok({ items: [anAlarm({ id: 91, spaceTag: 'TK-202' }), cleared], hasMore: false }))
    transport.emit('alarms.raised', { alarmId: 91, permitId: 7, priority: 'high', at: now })

    expect(await within(await table()).findByText('TK-202')).toBeTruthy()
  })
})
