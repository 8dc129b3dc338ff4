import type { AlarmDto } from '../../../src/shared/contract/alarms'
import type { InstrumentDto } from '../../../src/shared/contract/instruments'
import type { LiveValuesDto } from '../../../src/shared/contract/live-values'
import type { ProcedureOutput } from '../../../src/shared/contract/procedures'
import { now } from './permit-fixtures'

export type AlarmSummary = ProcedureOutput<'alarms.summary'>

export const noAlarms = (): AlarmSummary => ({
  open: [],
  openCount: 0,
  unacknowledgedCount: 0,
  worstUnacknowledged: null,
  raisedLast10Min: 0,
  flood: false,
  now,
})

export function anAlarm(overrides: Partial<AlarmDto> = {}): AlarmDto {
  return {
    id: 101,
    kind: 'gas',
    priority: 'high',
    state: 'active_unacknowledged',
    permitId: 7,
    permitNumber: 'NP-2025-0007',
    siteId: 1,
    spaceId: 3,
    spaceTag: 'TK-101',
    instrumentId: 31,
    instrumentSerial: 'BW-4471',
    gas: 'h2s',
    level: 'high',
    value: 22,
    limit: 20,
    message: 'H2S 22 ppm: high alarm (limit 20 ppm)',
    raisedAt: now - 2 * 60_000,
    firstOut: true,
    latched: true,
    acknowledgedAt: null,
    acknowledgedBy: null,
    clearedAt: null,
    resolvedAt: null,
    resolvedBy: null,
    resolution: null,
    resolutionNote: null,
    helpSent: null,
    ...overrides,
  }
}

/** The summary a console reads while these alarms are open. */
export function summaryOf(open: AlarmDto[], overrides: Partial<AlarmSummary> = {}): AlarmSummary {
  return {
    open,
    openCount: open.length,
    unacknowledgedCount: open.filter((alarm) => alarm.state.endsWith('_unacknowledged')).length,
    worstUnacknowledged:
      (['high', 'medium', 'low'] as const).find((priority) =>
        open.some((alarm) => alarm.priority === priority && alarm.state.endsWith('_unacknowledged')),
      ) ?? null,
    raisedLast10Min: open.length,
    flood: false,
    now,
    ...overrides,
  }
}

export function anInstrument(overrides: Partial<InstrumentDto> = {}): InstrumentDto {
  return {
    id: 31,
    siteId: 1,
    siteName: 'North Plant',
    serial: 'BW-4471',
    model: 'GasAlertMax XT II',
    name: 'Crew 2 four-gas',
    sensors: ['o2', 'lel', 'h2s', 'co'],
    lastBumpAt: now - 2 * 60 * 60_000,
    calibrationDueAt: now + 30 * 24 * 60 * 60_000,
    status: 'in_service',
    bumpOverdue: false,
    calibrationOverdue: false,
    lastReadingAt: null,
    ...overrides,
  }
}

export function liveValuesOf(overrides: Partial<LiveValuesDto> = {}): LiveValuesDto {
  return {
    instrumentId: 31,
    monitoredBy: 'BW-4471',
    instrumentName: 'Crew 2 four-gas',
    simulated: false,
    flagged: [],
    gases: [
      {
        gas: 'o2',
        value: 20.9,
        loggedAt: now - 3000,
        status: 'ok',
        requirement: 'must be between 19.5 and 23.5 % vol',
      },
      { gas: 'lel', value: 6, loggedAt: now - 3000, status: 'warning', requirement: 'must be below 10 % LEL' },
      { gas: 'h2s', value: 14, loggedAt: now - 3000, status: 'breach', requirement: 'must be below 10 ppm' },
      { gas: 'co', value: 2, loggedAt: now - 3000, status: 'ok', requirement: 'must be below 35 ppm' },
    ],
    ...overrides,
  }
}
