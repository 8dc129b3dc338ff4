// Stored times are UTC epoch ms; people read them in this workstation's own zone and locale.
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' })
const shortDateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'short', timeStyle: 'short' })

export const formatTime = (epochMs: number): string => dateTime.format(epochMs)

/** For tables and cards where seconds are noise. */
export const formatShortTime = (epochMs: number): string => shortDateTime.format(epochMs)

const shortDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'short' })

/** For days that carry no time of their own (a calibration due date). */
export const formatShortDate = (epochMs: number): string => shortDate.format(epochMs)

/** This workstation's zone as people name it ("Europe/Berlin"), shown wherever local times are. */
export const workstationZone = (): string => dateTime.resolvedOptions().timeZone

/** The same moment in UTC, to the second, for comparing with other systems' records. */
export const formatUtc = (epochMs: number): string =>
  `${new Date(epochMs)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, '')} UTC`
