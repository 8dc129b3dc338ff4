/**
 * Whether a gas monitor may be trusted for a test. Vendors ask for a bump test before each day's
 * use (a daily bump is the common rule) and a calibration by its due date; domain.md: a pre-entry
 * test with an overdue instrument is refused, later readings are accepted and flagged.
 */
export const bumpTestValidityMs = 24 * 60 * 60_000

export interface InstrumentDates {
  lastBumpAt: number | null
  calibrationDueAt: number | null
}

export interface Readiness {
  bumpOverdue: boolean
  calibrationOverdue: boolean
  /** Sentences for a person, one per problem; empty when the instrument is ready. */
  problems: string[]
}

export function instrumentReadiness(instrument: InstrumentDates, now: number): Readiness {
  const bumpOverdue = instrument.lastBumpAt === null || now - instrument.lastBumpAt > bumpTestValidityMs
  const calibrationOverdue = instrument.calibrationDueAt === null || instrument.calibrationDueAt <= now
  const problems = [
    ...(bumpOverdue
      ? [
          instrument.lastBumpAt === null
            ? 'it has no bump test on record'
            : 'its last bump test is more than 24 hours old',
        ]
      : []),
    ...(calibrationOverdue
      ? [
          instrument.calibrationDueAt === null
            ? 'it has no calibration due date on record'
            : 'its calibration is overdue',
        ]
      : []),
  ]
  return { bumpOverdue, calibrationOverdue, problems }
}
