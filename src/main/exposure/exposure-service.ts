import type {
  ExposureExceedanceDto,
  ExposureShiftDto,
  ExposureStayDto,
  PersonExposureDto,
} from '../../shared/contract/exposure'
import { defaultExposureRangeMs } from '../../shared/contract/exposure'
import {
  exposureGases,
  exposureLimits,
  exposureMethod,
  groupIntoShifts,
  shiftExposure,
  stayMinutes,
} from '../../shared/domain/exposure'
import { DomainError, notFound } from '../core/domain-error'
import type { Db } from '../db/database'
import { profileOf } from '../permits/permit-fields'
import { peopleEnteringBetween, personNameOf, staysOf, type PairsCache, type PersonStay } from './person-stays'
import { stayReadings } from './stay-readings'

const dayMs = 86_400_000

export interface ExposureRange {
  from?: number | undefined
  to?: number | undefined
}

/** The window asked for: to defaults to now, from to 7 days before to. */
export function resolveRange(range: ExposureRange, now: number): { from: number; to: number } {
  const to = range.to ?? now
  const from = range.from ?? to - defaultExposureRangeMs
  if (from >= to)
    throw new DomainError('VALIDATION', 'from must be before to (to defaults to now).', [
      { field: 'from', rule: 'before_to', message: 'must be before to (to defaults to now)' },
    ])
  return { from, to }
}

const toStayDto = ({ limitProfile: _profile, ...stay }: PersonStay): ExposureStayDto => stay

/**
 * A person's shifts that overlap [from, to), newest first: their stays grouped into shifts (from
 * their whole history, since a shift starts at the first entry after the previous one's 8 hours),
 * and only those shifts' readings read.
 */
export function shiftsOf(
  db: Db,
  stays: readonly PersonStay[],
  window: { from: number; to: number; now: number; siteId?: number | undefined },
): ExposureShiftDto[] {
  const { from, to, now, siteId } = window
  return groupIntoShifts(stays)
    .filter((shift) => shift.startsAt < to && Math.max(...shift.stays.map((stay) => stay.exitAt ?? now)) >= from)
    .filter((shift) => siteId === undefined || shift.stays.some((stay) => stay.siteId === siteId))
    .map((shift) => {
      const profiles = [...new Set(shift.stays.map((stay) => stay.limitProfile))].map(profileOf)
      const minutes = shift.stays.map((stay) => ({ stay, minutes: stayMinutes(stayReadings(db, stay, now), now) }))
      const exposure = shiftExposure(shift.startsAt, minutes, exposureLimits(profiles), now)
      return {
        ...exposure,
        gases: exposureGases.map((gas) => ({ gas, ...exposure.gases[gas] })),
        limitProfiles: [...new Set(profiles.map((profile) => profile.label))],
        stays: shift.stays.map(toStayDto),
      }
    })
    .reverse()
}

/** One person's exposure per shift in the window, with the method in words. */
export function personExposure(db: Db, personKey: string, range: ExposureRange, now: number): PersonExposureDto {
  const { from, to } = resolveRange(range, now)
  const personName = personNameOf(db, personKey)
  if (personName === null) throw notFound(`Nobody with the key ${personKey} is on a permit or in the entry log.`)
  return {
    personKey,
    personName,
    from,
    to,
    at: now,
    method: exposureMethod,
    shifts: shiftsOf(db, staysOf(db, personKey), { from, to, now }),
  }
}

/** What went over, figure by figure. */
function exceededFigures(shift: ExposureShiftDto): ExposureExceedanceDto['exceeded'] {
  return shift.gases.flatMap((gas) => [
    ...(gas.twaExceeded && gas.limits.twa !== null
      ? [{ gas: gas.gas, measure: 'twa' as const, value: gas.twa, limit: gas.limits.twa }]
      : []),
    ...(gas.stelExceeded && gas.limits.stel !== null
      ? [{ gas: gas.gas, measure: 'stel' as const, value: gas.stel, limit: gas.limits.stel }]
      : []),
  ])
}

/**
 * Every shift overlapping [from, to) with a TWA or STEL above its limit, at one site (a shift with
 * a stay there) or all, newest first. Permits are valid at most 24 hours, so everyone whose shift
 * touches the window logged an entry or exit in it or in the day before.
 */
export function exposureExceedances(
  db: Db,
  siteId: number | undefined,
  range: ExposureRange,
  now: number,
): ExposureExceedanceDto[] {
  const { from, to } = resolveRange(range, now)
  const cache: PairsCache = new Map()
  const found: ExposureExceedanceDto[] = []
  for (const personKey of peopleEnteringBetween(db, siteId, from - dayMs, to)) {
    const stays = staysOf(db, personKey, cache)
    const personName = personNameOf(db, personKey) ?? personKey
    for (const shift of shiftsOf(db, stays, { from, to, now, siteId })) {
      if (!shift.exceeded) continue
      found.push({
        personKey,
        personName,
        shiftStartsAt: shift.startsAt,
        lastExitAt: shift.lastExitAt,
        ongoing: shift.ongoing,
        exceeded: exceededFigures(shift),
        stays: shift.stays,
      })
    }
  }
  return found.sort((a, b) => b.shiftStartsAt - a.shiftStartsAt || a.personName.localeCompare(b.personName))
}
