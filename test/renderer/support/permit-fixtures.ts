import type { EvacuationDto } from '../../../src/shared/contract/evacuations'
import type { PermitCardDto, PermitDetailDto } from '../../../src/shared/contract/permits'
import type { SiteDto } from '../../../src/shared/contract/sites'
import type { SpaceDto } from '../../../src/shared/contract/spaces'

export const now = Date.UTC(2025, 5, 2, 10, 0)
const hour = 60 * 60_000

export function aCard(overrides: Partial<PermitCardDto> = {}): PermitCardDto {
  return {
    id: 7,
    number: 'NP-2025-0007',
    siteId: 1,
    siteName: 'North Plant',
    spaceId: 3,
    spaceTag: 'TK-101',
    spaceName: 'Settling tank 1',
    location: 'East yard',
    state: 'active',
    purpose: 'Replace the inlet baffle',
    validFrom: now - hour,
    validTo: now + 4 * hour,
    entrySupervisor: 'Dana Okafor',
    inside: [
      { key: 'user:4', name: 'Alex Reyes', userId: 4, since: now - 30 * 60_000 },
      { key: 'name:Sam Ortiz', name: 'Sam Ortiz', userId: null, since: now - 20 * 60_000 },
    ],
    attendantOnDuty: 'Pat Lee',
    atmosphere: { level: 'green', takenAt: now - 5 * 60_000, reasons: [] },
    alarms: [],
    gasAlarms: [],
    liveValues: [],
    evacuation: null,
    version: 3,
    ...overrides,
  }
}

export function aDetail(overrides: Partial<PermitDetailDto> = {}, card: Partial<PermitCardDto> = {}): PermitDetailDto {
  return {
    card: aCard(card),
    fields: {
      purpose: 'Replace the inlet baffle',
      hazards: ['Toxic atmosphere (H2S)', 'Engulfment'],
      isolationMeasures: [{ measure: 'Lock out inlet valve V-12', done: true }],
      limitProfile: 'factory',
      conditions: { o2Min: 19.5, o2Max: 23.5, lelMax: 10, h2sMax: 10, coMax: 35 },
      rescueService: 'Plant fire brigade',
      rescueContact: 'Radio channel 3, or call 5555',
      communicationMethod: 'Voice and radio',
      equipment: ['4-gas monitor', 'Tripod and winch'],
      otherSafetyInfo: 'Hot weather: rotate every 30 minutes',
      relatedPermits: ['HW-2025-0031'],
      closeOutNotes: null,
    },
    entrySupervisorId: 1,
    entrants: [
      { key: 'user:4', name: 'Alex Reyes', userId: 4, deactivated: false },
      { key: 'name:Sam Ortiz', name: 'Sam Ortiz', userId: null, deactivated: false },
      { key: 'name:Jo Park', name: 'Jo Park', userId: null, deactivated: false },
    ],
    attendants: [
      {
        id: 11,
        userId: 5,
        fullName: 'Pat Lee',
        role: 'Attendant',
        shiftName: 'Day',
        shiftStart: now - 2 * hour,
        shiftEnd: now + 6 * hour,
        status: 'on_duty',
      },
    ],
    authorization: {
      byName: 'Dana Okafor',
      byUsername: 'dana',
      at: now - hour,
      statement: 'I authorize entry under this permit.',
    },
    tests: [
      {
        id: 21,
        takenAt: now - 5 * 60_000,
        o2: 20.9,
        lel: 0,
        h2s: 1,
        co: 3,
        instrument: 'BW-4471',
        instrumentId: 31,
        flagged: [],
        takenBy: 'Pat Lee',
        kind: 'pre_entry',
        source: 'manual',
        evaluations: [],
        pass: true,
      },
    ],
    entries: [
      {
        personKey: 'user:4',
        personName: 'Alex Reyes',
        entryTime: now - 30 * 60_000,
        exitTime: null,
        exitId: null,
        remarks: '',
      },
    ],
    timeline: [
      { at: now - 2 * hour, actorName: 'Dana Okafor', kind: 'created', fromState: null, toState: 'draft', note: '' },
    ],
    allowedActions: ['suspend', 'close', 'cancel'],
    maxTestAgeMinutes: 30,
    ...overrides,
  }
}

export const aSite = (overrides: Partial<SiteDto> = {}): SiteDto => ({
  id: 1,
  code: 'NORTH',
  name: 'North Plant',
  limitProfile: 'factory',
  maxTestAgeMinutes: 30,
  maxReadingGapSeconds: 60,
  entryRequiresGrant: false,
  pendingRequestDays: 7,
  rawReadingDays: 400,
  isDemo: false,
  ...overrides,
})

export const aSpace = (overrides: Partial<SpaceDto> = {}): SpaceDto => ({
  id: 3,
  siteId: 1,
  siteName: 'North Plant',
  tag: 'TK-101',
  name: 'Settling tank 1',
  location: 'East yard',
  hazardNotes: 'H2S from sludge',
  classification: 'permit_required',
  status: 'in_service',
  occupancy: { headcount: 0, permit: null },
  availability: 'available',
  retiredAt: null,
  ...overrides,
})

export const anEvacuation = (overrides: Partial<EvacuationDto> = {}): EvacuationDto => ({
  id: 4,
  scope: 'all',
  permitId: null,
  siteId: null,
  scopeLabel: 'every space of every site',
  reason: 'Gas alarm',
  orderedBy: 'Dana Okafor',
  orderedAt: now,
  clearedAt: null,
  rollCall: [],
  ...overrides,
})
