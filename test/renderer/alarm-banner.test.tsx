import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { AlarmDto } from '../../src/shared/contract/alarms'
import type { Role } from '../../src/shared/contract/roles'
import { pageOf } from './support/access-fixtures'
import { anAlarm, noAlarms, summaryOf } from './support/alarm-fixtures'
import { FakeAudioContext, FakeNotifications } from './support/fake-alarm-outputs'
import { aUser } from './support/fixtures'
import { FakeTransport, ok } from './support/fake-transport'
import { now } from './support/permit-fixtures'
import { renderApp, scriptSignedIn } from './support/render-app'

/** A signed-in person on the Access page, whose lists are empty, so only the banner has news. */
function signedInConsole(roles: Role[] = ['supervisor'], open: AlarmDto[] = []): FakeTransport {
  window.location.hash = '#/access'
  return scriptSignedIn(new FakeTransport(), aUser(roles))
    .on('alarms.summary', ok(summaryOf(open)))
    .on('access.resources', ok([]))
    .on('access.queue', ok(pageOf([])))
    .on('access.requests', ok(pageOf([])))
    .on('access.grants', ok(pageOf([])))
}

const banner = (): Promise<HTMLElement> => screen.findByRole('region', { name: 'Alarms' })

const shownAlarms = (): string[] =>
  within(screen.getByRole('list', { name: 'Open alarms' }))
    .getAllByRole('listitem')
    .map((item) => item.getAttribute('aria-label') ?? '')

const raise = (transport: FakeTransport, alarm: AlarmDto): void =>
  transport.emit('alarms.raised', { alarmId: alarm.id, permitId: alarm.permitId, priority: alarm.priority, at: now })

describe('alarm banner', () => {
  it('shows an alarm raised through the event at once, without a reload', async () => {
    const transport = signedInConsole()
    renderApp(transport)
    await screen.findByRole('heading', { level: 1, name: 'Access' })
    expect(screen.queryByRole('region', { name: 'Alarms' })).toBeNull()
    const asked = transport.callsTo('alarms.summary').length

    transport.on('alarms.summary', ok(summaryOf([anAlarm()])))
    raise(transport, anAlarm())

    // Read at once: no coalescing delay stands between an alarm and the screen.
    expect(transport.callsTo('alarms.summary').length).toBe(asked + 1)
    const shown = within(await banner())
    expect(shown.getByText('1 open alarm, 1 not acknowledged')).toBeTruthy()
    expect(shown.getByText('TK-101')).toBeTruthy()
    expect(shown.getByRole('link', { name: 'NP-2025-0007' })).toBeTruthy()
    expect(shown.getByText('H2S 22 ppm: high alarm (limit 20 ppm)')).toBeTruthy()
    // Counted on the server's clock, which the fake server set a moment before this workstation's tick.
    expect(shown.getByText(/^(2|1) min ago$/)).toBeTruthy()
    expect(shown.getByText('Active, not acknowledged')).toBeTruthy()
    expect(shown.getByText('Latched')).toBeTruthy()
    expect(shown.getByText('High')).toBeTruthy()
    expect(shown.getByRole('link', { name: 'Alarm list' }).getAttribute('href')).toBe('#/gas/alarms')
  })

  it('puts the worst first: high before medium before low, and unacknowledged first within a priority', async () => {
    renderApp(
      signedInConsole(
        ['supervisor'],
        [
          anAlarm({ id: 1, priority: 'low', spaceTag: 'LOW-1', state: 'active_unacknowledged' }),
          anAlarm({ id: 2, priority: 'high', spaceTag: 'HIGH-SEEN', state: 'active_acknowledged' }),
          anAlarm({ id: 3, priority: 'medium', spaceTag: 'MEDIUM-1', state: 'active_unacknowledged' }),
          anAlarm({ id: 4, priority: 'high', spaceTag: 'HIGH-NEW', state: 'cleared_unacknowledged' }),
        ],
      ),
    )
    fireEvent.click(within(await banner()).getByRole('button', { name: 'Show all 4' }))

    expect(shownAlarms().map((label) => label.split(',')[1]?.trim())).toEqual([
      'HIGH-NEW',
      'HIGH-SEEN',
      'MEDIUM-1',
      'LOW-1',
    ])
  })

  it('acknowledges one alarm, and all of them, for someone who answers alarms', async () => {
    const transport = signedInConsole(['attendant'], [anAlarm({ id: 1 }), anAlarm({ id: 2, spaceTag: 'TK-102' })]).on(
      'alarms.acknowledge',
      (input) => ok({ acknowledged: input.alarmIds?.length ?? 0 }),
    )
    renderApp(transport)
    const shown = within(await banner())

    fireEvent.click(shown.getByRole('button', { name: /^Acknowledge the alarm on TK-102/ }))
    await waitFor(() => expect(transport.callsTo('alarms.acknowledge')).toEqual([{ alarmIds: [2] }]))

    fireEvent.click(shown.getByRole('button', { name: 'Acknowledge all (2)' }))
    await waitFor(() => expect(transport.callsTo('alarms.acknowledge')).toHaveLength(2))
    expect(transport.callsTo('alarms.acknowledge')[1]).toEqual({ alarmIds: [1, 2] })

    transport.on('alarms.summary', ok(summaryOf([anAlarm({ id: 1, state: 'active_acknowledged' })])))
    transport.emit('alarms.changed', { alarmId: 1, permitId: 7, at: now })
    expect(await shown.findByText('Active, acknowledged')).toBeTruthy()
    expect(shown.queryByRole('button', { name: /^Acknowledge/ })).toBeNull()
  })

  it('offers no acknowledgement to someone who may only watch', async () => {
    renderApp(signedInConsole(['auditor'], [anAlarm()]))

    const shown = within(await banner())
    expect(shown.getByText('TK-101')).toBeTruthy()
    expect(shown.queryByRole('button', { name: /Acknowledge/ })).toBeNull()
  })

  it('says when an alarm flood is on', async () => {
    const transport = signedInConsole()
    transport.on('alarms.summary', ok(summaryOf([anAlarm()], { raisedLast10Min: 14, flood: true })))
    renderApp(transport)

    expect(await within(await banner()).findByText('Alarm flood: 14 alarms in 10 minutes')).toBeTruthy()
  })

  it('counts the open alarms in the window title, and drops the count when none is left', async () => {
    const transport = signedInConsole(['supervisor'], [anAlarm({ id: 1 }), anAlarm({ id: 2 }), anAlarm({ id: 3 })])
    renderApp(transport)

    await waitFor(() => expect(document.title).toBe('(3) Gatehouse'))

    transport.on('alarms.summary', ok(noAlarms()))
    transport.emit('alarms.changed', { alarmId: 1, permitId: 7, at: now })
    await waitFor(() => expect(document.title).toBe('Gatehouse'))
  })
})

describe('alarm tone', () => {
  it('sounds while an alarm is unacknowledged, offers no silence, and stops once it is acknowledged', async () => {
    const audio = new FakeAudioContext()
    const transport = signedInConsole(['supervisor'], [anAlarm({ priority: 'high' })]).on('alarms.acknowledge', () =>
      ok({ acknowledged: 1 }),
    )
    renderApp(transport, { audioContext: () => audio })

    await waitFor(() => expect(audio.sounding()).toEqual(['square']))
    expect(screen.queryByRole('button', { name: /silence|mute/i })).toBeNull()

    transport.on('alarms.summary', ok(summaryOf([anAlarm({ state: 'active_acknowledged' })])))
    fireEvent.click(within(await banner()).getByRole('button', { name: /^Acknowledge the alarm on TK-101/ }))

    await waitFor(() => expect(audio.sounding()).toEqual([]))
  })

  it('sounds each priority differently', async () => {
    const audio = new FakeAudioContext()
    const transport = signedInConsole(['supervisor'], [anAlarm({ priority: 'medium' })])
    renderApp(transport, { audioContext: () => audio })
    await waitFor(() => expect(audio.sounding()).toEqual(['triangle']))

    transport.on('alarms.summary', ok(summaryOf([anAlarm({ priority: 'low' })])))
    transport.emit('alarms.changed', { alarmId: 101, permitId: 7, at: now })

    await waitFor(() => expect(audio.sounding()).toEqual(['sine']))
  })

  it('stays silent for alarms that have all been acknowledged', async () => {
    const audio = new FakeAudioContext()
    renderApp(signedInConsole(['supervisor'], [anAlarm({ state: 'active_acknowledged' })]), {
      audioContext: () => audio,
    })

    await banner()
    expect(audio.sounding()).toEqual([])
  })
})

describe('alarm notifications', () => {
  it('asks permission once, then shows a raised alarm with its space, permit and message', async () => {
    const notifications = new FakeNotifications('default')
    const transport = signedInConsole()
    renderApp(transport, { notifications })
    await waitFor(() => expect(notifications.requests).toBe(1))
    notifications.permission = 'granted'

    transport.on('alarms.summary', ok(summaryOf([anAlarm()])))
    raise(transport, anAlarm())

    await waitFor(() =>
      expect(notifications.shown).toEqual([
        { title: 'High priority alarm: TK-101', body: 'Permit NP-2025-0007: H2S 22 ppm: high alarm (limit 20 ppm)' },
      ]),
    )
    expect(notifications.requests).toBe(1)
  })

  it('shows nothing, and says nothing, when notifications were refused', async () => {
    const notifications = new FakeNotifications('denied')
    const transport = signedInConsole()
    renderApp(transport, { notifications })
    await screen.findByRole('heading', { level: 1, name: 'Access' })

    transport.on('alarms.summary', ok(summaryOf([anAlarm()])))
    raise(transport, anAlarm())

    expect(await within(await banner()).findByText('TK-101')).toBeTruthy()
    expect(notifications.shown).toEqual([])
    expect(notifications.requests).toBe(0)
  })
})
