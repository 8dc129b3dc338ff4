import type { ExposureShiftDto } from '../../shared/contract/exposure'
import type { GasExportSubject } from '../../shared/contract/gas-export'
import type { Db, Sqlite } from '../db/database'
import { shiftsOf } from '../exposure/exposure-service'
import { peopleEnteringBetween, personNameOf, staysOf, type PairsCache } from '../exposure/person-stays'
import { isoOf, type ExportRow } from './export-columns'
import type { ExportScope } from './export-windows'

/** Permits are valid at most 24 hours: a shift touching the window began at most a day before it. */
const dayMs = 86_400_000

function shiftRows(personKey: string, personName: string, shift: ExposureShiftDto): ExportRow[] {
  return shift.gases.map((gas) => ({
    person: personName,
    person_key: personKey,
    shift_start: isoOf(shift.startsAt),
    shift_start_ms: shift.startsAt,
    last_exit: isoOf(shift.lastExitAt),
    last_exit_ms: shift.lastExitAt,
    ongoing: shift.ongoing,
    minutes_inside: shift.minutesInside,
    gas: gas.gas,
    twa_ppm: gas.twa,
    twa_limit_ppm: gas.limits.twa,
    twa_exceeded: gas.twaExceeded,
    stel_ppm: gas.stel,
    stel_limit_ppm: gas.limits.stel,
    stel_exceeded: gas.stelExceeded,
    stel_from: isoOf(gas.stelFrom),
    stel_from_ms: gas.stelFrom,
    peak_ppm: gas.peak?.value ?? null,
    peak_minute: isoOf(gas.peak?.minuteStart ?? null),
    peak_minute_ms: gas.peak?.minuteStart ?? null,
    minutes_without_readings: gas.minutesWithoutReadings,
    limit_profiles: shift.limitProfiles.join('; '),
    permits: [...new Set(shift.stays.map((stay) => stay.permitNumber))].join('; '),
  }))
}

/**
 * Exposure per shift (8 h TWA and 15 min STEL of H2S and CO, exposure/exposure-service.ts) of the
 * subject's people: the person's own, or everyone who went into the permit, the space or (for a
 * range) any permit of the site, for shifts with a stay among the subject's permits that overlap
 * the window. One person's shifts a page, two rows a shift (H2S, then CO).
 */
export function createExposureRows(db: Db, sqlite: Sqlite) {
  const peopleOfPermit = sqlite
    .prepare('select distinct person_key from entry_events where permit_id = ? order by person_key')
    .pluck()

  return function* exposureRows(
    subject: GasExportSubject,
    scope: ExportScope,
    range: { from: number; to: number; now: number },
  ): Generator<ExportRow[]> {
    const permitIds = new Set(scope.windows.map((window) => window.permit.id))
    const people =
      subject.kind === 'person'
        ? [subject.personKey]
        : subject.kind === 'range'
          ? peopleEnteringBetween(db, subject.siteId, range.from - dayMs, range.to).sort()
          : [...new Set([...permitIds].flatMap((permitId) => peopleOfPermit.all(permitId) as string[]))].sort()
    const cache: PairsCache = new Map()
    for (const personKey of people) {
      const personName = personNameOf(db, personKey) ?? personKey
      const siteId = subject.kind === 'range' ? subject.siteId : undefined
      const shifts = shiftsOf(db, staysOf(db, personKey, cache), { ...range, siteId })
        .filter((shift) => subject.kind === 'person' || shift.stays.some((stay) => permitIds.has(stay.permitId)))
        .reverse()
      const rows = shifts.flatMap((shift) => shiftRows(personKey, personName, shift))
      if (rows.length > 0) yield rows
    }
  }
}
