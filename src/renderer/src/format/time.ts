// Stored times are UTC epoch ms; people read them in this workstation's own zone and locale.
const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' })

export const formatTime = (epochMs: number): string => dateTime.format(epochMs)
