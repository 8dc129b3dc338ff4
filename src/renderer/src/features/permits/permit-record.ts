import type { AttendantDto, PermitDetailDto } from '../../../../shared/contract/permits'
import { formatDuration } from '../../../../shared/domain/atmosphere'
import { formatGasValue } from '../../../../shared/domain/gases'
import type { AcceptableConditions } from '../../../../shared/domain/limit-profiles'
import type { PermitState } from '../../../../shared/domain/permit-lifecycle'
import { formatShortTime, formatTime } from '../../format/time'
import { attendantStatusLabel } from './attendant-status'
import { profileById } from './site-profile'

/** The fields of 1910.146(f), numbered as the standard numbers them. */
export const permitFieldLabels = {
  1: 'Space',
  2: 'Purpose of entry',
  3: 'Date and authorized duration',
  4: 'Authorized entrants',
  5: 'Attendants',
  6: 'Entry supervisor and authorization',
  7: 'Hazards of the space',
  8: 'Isolation and control measures',
  9: 'Acceptable entry conditions',
  10: 'Atmospheric test results',
  11: 'Rescue and emergency services',
  12: 'Communication between entrants and attendants',
  13: 'Equipment',
  14: 'Other safety information',
  15: 'Other permits issued for the work',
} as const

export type PermitFieldNumber = keyof typeof permitFieldLabels

/** "(f)(9) Acceptable entry conditions" */
export const permitFieldLabel = (number: PermitFieldNumber): string =>
  `(f)(${String(number)}) ${permitFieldLabels[number]}`

export function conditionLines(conditions: AcceptableConditions): string[] {
  return [
    `O2 above ${formatGasValue('o2', conditions.o2Min)} and below ${formatGasValue('o2', conditions.o2Max)}`,
    `LEL below ${formatGasValue('lel', conditions.lelMax)}`,
    `H2S below ${formatGasValue('h2s', conditions.h2sMax)}`,
    `CO below ${formatGasValue('co', conditions.coMax)}`,
  ]
}

export const profileLabel = (profileId: string): string => profileById(profileId)?.label ?? profileId

export const validityText = ({ card }: PermitDetailDto): string =>
  `${formatShortTime(card.validFrom)} to ${formatShortTime(card.validTo)} (${formatDuration(card.validTo - card.validFrom)})`

export const attendantLine = (attendant: AttendantDto, permitState: PermitState): string =>
  `${attendant.fullName}: ${attendant.shiftName}, ${formatShortTime(attendant.shiftStart)} to ${formatShortTime(attendant.shiftEnd)}, ${attendantStatusLabel(attendant.status, permitState).toLowerCase()}`

export function authorizationText({ authorization }: PermitDetailDto): string {
  if (!authorization) return 'Not authorized.'
  return `Signed by ${authorization.byName} (${authorization.byUsername}) on ${formatTime(authorization.at)}.`
}
