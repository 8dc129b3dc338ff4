const pad = (value: number): string => String(value).padStart(2, '0')

/** Epoch ms as a datetime-local input shows it: the wall-clock time of this workstation's zone. */
export function toLocalInput(epochMs: number): string {
  const date = new Date(epochMs)
  return `${String(date.getFullYear())}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`
}

/** A datetime-local value read in this workstation's zone, or null when it is not a complete time. */
export function fromLocalInput(value: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim())
  if (!match) return null
  const [year, month, day, hours, minutes, seconds] = match.slice(1).map((part) => Number(part ?? 0))
  if (year === undefined || month === undefined || day === undefined || hours === undefined || minutes === undefined)
    return null
  const date = new Date(year, month - 1, day, hours, minutes, seconds)
  // new Date rolls 31 February into March; a time that did not survive as typed is not a time.
  if (date.getMonth() !== month - 1 || date.getDate() !== day) return null
  const ms = date.getTime()
  return Number.isNaN(ms) ? null : ms
}

/** Epoch ms as a date input shows it: the day in this workstation's zone. */
export function toLocalDate(epochMs: number): string {
  return toLocalInput(epochMs).slice(0, 10)
}

/** A date input's day, as its first moment in this workstation's zone, or null when it is not a date. */
export function fromLocalDate(value: string): number | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? fromLocalInput(`${value.trim()}T00:00`) : null
}
