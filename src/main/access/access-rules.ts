import { DomainError } from '../core/domain-error'

/** Small rules shared by the access services, each refusing with the field it names. */

export const hourMs = 3_600_000
export const dayMs = 24 * hourMs
/** How long an IT resource's pending request waits for a decision (a space's comes from its site). */
export const defaultPendingRequestDays = 7
/** A requested start may lag the clock this much (a form filled in a minute ago). */
export const startSkewMs = 5 * 60_000

export const invalidField = (field: string, rule: string, message: string, sentence?: string) =>
  new DomainError('VALIDATION', sentence ?? `${field} ${message}.`, [{ field, rule, message }])

export function checkLevel(levels: readonly string[], level: string, resourceKey: string) {
  if (!levels.includes(level))
    throw invalidField('level', 'invalid_value', `must be one of ${levels.join(', ')} for ${resourceKey}`)
}

export function checkDuration(hours: number, maxHours: number, resourceKey: string, field = 'durationHours') {
  if (hours > maxHours) throw invalidField(field, 'too_big', `must be at most ${maxHours} hours for ${resourceKey}`)
}

export function checkStart(startsAt: number, now: number) {
  if (startsAt < now - startSkewMs) throw invalidField('startsAt', 'too_small', 'must not be in the past')
  if (startsAt > now + 366 * dayMs) throw invalidField('startsAt', 'too_big', 'must be within a year from now')
}
