/** A recorded summary (canonical JSON) parsed, or the text as it is when it is not JSON. */
export function parseSummary(json: string | null): unknown {
  if (json === null) return null
  try {
    return JSON.parse(json) as unknown
  } catch {
    return json
  }
}

/** A summary laid out for reading: indented JSON, "—" for none. */
export function prettySummary(json: string | null): string {
  const value = parseSummary(json)
  if (value === null) return '—'
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2)
}

const reasonIn = (value: unknown): string | null => {
  if (typeof value !== 'object' || value === null || !('reason' in value)) return null
  const { reason } = value
  return typeof reason === 'string' && reason.trim() ? reason : null
}

/** The reason a person gave, from the summary after the change or, failing that, before it. */
export const reasonOf = (before: string | null, after: string | null): string | null =>
  reasonIn(parseSummary(after)) ?? reasonIn(parseSummary(before))
