import type { ExposureExceedanceDto } from '../../shared/contract/exposure'
import { gasInfo } from '../../shared/domain/gases'
import type { SignedCheckpoint } from '../audit/checkpoint'
import type { Sqlite } from '../db/database'
import type { PackFiles } from './zip-pack'
import { toCsv } from './zip-pack'

interface ReviewedPermit {
  id: number
  number: string
  site: string
  space: string
  purpose: string
  validFrom: number
  validTo: number
  state: 'closed' | 'cancelled'
  endedAt: number
  closeOutNotes: string
}

const counted = (n: number, noun: string) => `${String(n)} ${noun}${n === 1 ? '' : 's'}`
const iso = (at: number | null) => (at === null ? '' : new Date(at).toISOString())
const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c)
const json = (text: string | null): Record<string, unknown> =>
  text ? (JSON.parse(text) as Record<string, unknown>) : {}

/** Every permit whose closing or cancellation fell in the year, of one site or all. */
function reviewedPermits(sqlite: Sqlite, from: number, to: number, siteId: number | undefined): ReviewedPermit[] {
  return sqlite
    .prepare(
      `select p.id, p.number, si.code as site, s.tag || ' ' || s.name as space, p.purpose, p.valid_from as validFrom,
              p.valid_to as validTo, p.state, t.at as endedAt, coalesce(p.close_out_notes, '') as closeOutNotes
         from permits p
         join spaces s on s.id = p.space_id
         join sites si on si.id = p.site_id
         join permit_timeline t on t.id = (select max(id) from permit_timeline
                                            where permit_id = p.id and to_state in ('closed', 'cancelled'))
        where p.state in ('closed', 'cancelled') and t.at >= ? and t.at < ? and (? is null or p.site_id = ?)
        order by t.at, p.id`,
    )
    .all(from, to, siteId ?? null, siteId ?? null) as ReviewedPermit[]
}

const permitIdsJson = (permits: readonly ReviewedPermit[]) => JSON.stringify(permits.map((p) => p.id))

function refusalsOf(sqlite: Sqlite, permits: readonly ReviewedPermit[]) {
  const numbers = new Map(permits.map((p) => [String(p.id), p.number]))
  return (
    sqlite
      .prepare(
        `select entity_id as permitId, at, actor_name as recordedBy, after from audit_entries
          where action = 'entry.refused' and entity_type = 'permit'
            and entity_id in (select cast(value as text) from json_each(?)) order by seq`,
      )
      .all(permitIdsJson(permits)) as { permitId: string; at: number; recordedBy: string; after: string | null }[]
  ).map((r) => {
    const after = json(r.after)
    return {
      permit: numbers.get(r.permitId) ?? r.permitId,
      at: iso(r.at),
      person: String(after.person ?? ''),
      unmet: Array.isArray(after.unmet) ? after.unmet.join('; ') : '',
      recordedBy: r.recordedBy,
    }
  })
}

function evacuationsOf(sqlite: Sqlite, permits: readonly ReviewedPermit[]) {
  return sqlite
    .prepare(
      `select e.id, group_concat(distinct p.number) as permits, e.reason, e.ordered_by as orderedBy, e.ordered_at as orderedAt, e.cleared_at as clearedAt
         from evacuations e
         join evacuation_roll_call r on r.evacuation_id = e.id
         join permits p on p.id = r.permit_id
        where r.permit_id in (select value from json_each(?))
        group by e.id order by e.ordered_at`,
    )
    .all(permitIdsJson(permits))
    .map((row) => {
      const e = row as {
        id: number
        permits: string
        reason: string
        orderedBy: string
        orderedAt: number
        clearedAt: number | null
      }
      return { ...e, orderedAt: iso(e.orderedAt), clearedAt: iso(e.clearedAt) }
    })
}

interface AlarmRow {
  permit: string
  kind: string
  priority: string
  gas: string
  level: string
  value: number | null
  limit: number | null
  message: string
  raisedAt: number
  resolvedAt: number | null
  resolution: string
  resolutionNote: string
}

function alarmsOf(sqlite: Sqlite, permits: readonly ReviewedPermit[]) {
  return sqlite
    .prepare(
      `select p.number as permit, a.kind, a.priority, coalesce(a.gas, '') as gas, a.level, a.value, a."limit" as "limit",
              a.message, a.raised_at as raisedAt, a.resolved_at as resolvedAt, coalesce(a.resolution, '') as resolution,
              coalesce(a.resolution_note, '') as resolutionNote
         from alarms a join permits p on p.id = a.permit_id
        where a.permit_id in (select value from json_each(?)) order by a.raised_at`,
    )
    .all(permitIdsJson(permits))
    .map((row) => {
      const a = row as AlarmRow
      return { ...a, raisedAt: iso(a.raisedAt), resolvedAt: iso(a.resolvedAt) }
    })
}

function table(headers: string[], rows: (string | number)[][]): string {
  if (rows.length === 0) return '<p>None.</p>'
  const cells = (values: (string | number)[], tag: string) =>
    `<tr>${values.map((v) => `<${tag}>${escapeHtml(String(v))}</${tag}>`).join('')}</tr>`
  return `<table><thead>${cells(headers, 'th')}</thead><tbody>${rows.map((r) => cells(r, 'td')).join('')}</tbody></table>`
}

/** One row per figure over its limit: a shift with both TWA and STEL over gives two. */
function exceedanceRows(exceedances: readonly ExposureExceedanceDto[]) {
  return exceedances.flatMap((shift) =>
    shift.exceeded.map((figure) => ({
      person: shift.personName,
      shiftStartedAt: iso(shift.shiftStartsAt),
      permits: [...new Set(shift.stays.map((stay) => stay.permitNumber))].join(' '),
      spaces: [...new Set(shift.stays.map((stay) => stay.spaceTag))].join(' '),
      gas: gasInfo[figure.gas].symbol,
      measure: figure.measure === 'twa' ? '8 h TWA' : '15 min STEL',
      valuePpm: figure.value,
      limitPpm: figure.limit,
    })),
  )
}

/**
 * The annual review pack: a readable report and its data as CSV, every permit that ended in the
 * year, and every shift of the year whose exposure went over a limit (exposure.exceedances).
 */
export function annualReview(
  sqlite: Sqlite,
  scope: { year: number; from: number; to: number; timeZone: string; siteId?: number; siteName: string },
  checkpoint: SignedCheckpoint,
  now: number,
  exceedances: readonly ExposureExceedanceDto[],
): { files: PackFiles; permits: number } {
  const { from, to } = scope
  const permits = reviewedPermits(sqlite, from, to, scope.siteId)
  const refusals = refusalsOf(sqlite, permits)
  const evacuations = evacuationsOf(sqlite, permits)
  const alarms = alarmsOf(sqlite, permits)
  const overLimit = exceedanceRows(exceedances)
  const permitRows = permits.map((p) => ({
    number: p.number,
    site: p.site,
    space: p.space,
    purpose: p.purpose,
    validFrom: iso(p.validFrom),
    validTo: iso(p.validTo),
    outcome: p.state,
    endedAt: iso(p.endedAt),
    problemsNotedAtCloseOut: p.closeOutNotes,
    refusals: refusals.filter((r) => r.permit === p.number).length,
    alarms: alarms.filter((a) => a.permit === p.number).length,
  }))
  const title = `Confined-space programme review ${String(scope.year)}: ${scope.siteName}`
  const report = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#111}table{border-collapse:collapse;margin:0.5rem 0 1.5rem}
th,td{border:1px solid #999;padding:0.25rem 0.5rem;text-align:left;vertical-align:top}th{background:#eee}</style></head>
<body>
<h1>${escapeHtml(title)}</h1>
<p>The review of the permit programme required by 29 CFR 1910.146(d)(14), using the permits closed or
cancelled in ${String(scope.year)}, from midnight of January 1 to the next in ${escapeHtml(scope.timeZone)}
(${iso(from)} to ${iso(to)}), with the problems noted at close-out as (e)(6) requires.
Written ${iso(now)}. The audit trail stood at entry ${String(checkpoint.seq)} (checkpoint signed with key ${checkpoint.keyId}; checkpoint.json).</p>
<h2>Summary</h2>
<ul>
<li>${String(permits.length)} permits ended: ${String(permits.filter((p) => p.state === 'closed').length)} closed, ${String(permits.filter((p) => p.state === 'cancelled').length)} cancelled.</li>
<li>${String(permits.filter((p) => p.closeOutNotes.trim() !== '').length)} with problems noted at close-out.</li>
<li>${String(refusals.length)} entries refused by the interlock; ${String(evacuations.length)} evacuations; ${String(alarms.length)} alarms.</li>
<li>Exposure over a limit (8 h TWA or 15 min STEL of H2S and CO): ${counted(overLimit.length, 'figure')} in ${counted(exceedances.length, 'shift')}.</li>
</ul>
<h2>Permits</h2>
${table(
  ['Permit', 'Space', 'Purpose', 'Outcome', 'Ended', 'Problems noted at close-out', 'Refusals', 'Alarms'],
  permitRows.map((p) => [
    p.number,
    p.space,
    p.purpose,
    p.outcome,
    p.endedAt,
    p.problemsNotedAtCloseOut || '—',
    p.refusals,
    p.alarms,
  ]),
)}
<h2>Entries refused</h2>
${table(
  ['Permit', 'When', 'Person', 'Unmet conditions', 'Recorded by'],
  refusals.map((r) => [r.permit, r.at, r.person, r.unmet, r.recordedBy]),
)}
<h2>Evacuations</h2>
${table(
  ['Permits', 'Ordered', 'By', 'Reason', 'Cleared'],
  evacuations.map((e) => [e.permits, e.orderedAt, e.orderedBy, e.reason, e.clearedAt || 'not cleared']),
)}
<h2>Alarms</h2>
${table(
  ['Permit', 'Raised', 'Kind', 'Gas', 'Level', 'Message', 'Resolved', 'Resolution'],
  alarms.map((a) => [
    a.permit,
    a.raisedAt,
    a.kind,
    a.gas,
    a.level,
    a.message,
    a.resolvedAt || 'open',
    `${a.resolution} ${a.resolutionNote}`.trim(),
  ]),
)}
<h2>Exposure over the limits</h2>
<p>Per shift (the 8 hours from a worker's first entry), from one-minute averages of the permit's monitors while the worker was inside; the limits are the permit profile's (the strictest when a shift spans several).</p>
${table(
  ['Person', 'Shift began', 'Permits', 'Spaces', 'Gas', 'Measure', 'Value (ppm)', 'Limit (ppm)'],
  overLimit.map((e) => [e.person, e.shiftStartedAt, e.permits, e.spaces, e.gas, e.measure, e.valuePpm, e.limitPpm]),
)}
</body></html>
`
  return {
    permits: permits.length,
    files: {
      'report.html': report,
      'permits.csv': toCsv(permitRows, [
        'number',
        'site',
        'space',
        'purpose',
        'validFrom',
        'validTo',
        'outcome',
        'endedAt',
        'problemsNotedAtCloseOut',
        'refusals',
        'alarms',
      ]),
      'refusals.csv': toCsv(refusals, ['permit', 'at', 'person', 'unmet', 'recordedBy']),
      'evacuations.csv': toCsv(evacuations, ['id', 'permits', 'reason', 'orderedBy', 'orderedAt', 'clearedAt']),
      'alarms.csv': toCsv(alarms, [
        'permit',
        'kind',
        'priority',
        'gas',
        'level',
        'value',
        'limit',
        'message',
        'raisedAt',
        'resolvedAt',
        'resolution',
        'resolutionNote',
      ]),
      'exposure-exceedances.csv': toCsv(overLimit, [
        'person',
        'shiftStartedAt',
        'permits',
        'spaces',
        'gas',
        'measure',
        'valuePpm',
        'limitPpm',
      ]),
      'checkpoint.json': `${JSON.stringify(checkpoint, null, 2)}\n`,
    },
  }
}
