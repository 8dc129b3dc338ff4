import type { GasExportSubject } from '../../shared/contract/gas-export'
import { notFound } from '../core/domain-error'
import type { Db, Sqlite } from '../db/database'
import { personNameOf, staysOf } from '../exposure/person-stays'

/** A permit as an export names it, with the monitors that sent it continuous readings. */
export interface ExportPermit {
  id: number
  number: string
  spaceTag: string
  instruments: { id: number; serial: string }[]
  /** When retention removed its raw readings (only the rollups remain); null while they are kept. */
  rawRemovedAt: number | null
}

/** Part of a permit's history an export covers: [from, to). A person's has one per time inside. */
export interface ExportWindow {
  permit: ExportPermit
  from: number
  to: number
}

export interface ExportScope {
  /** The subject in words, for the file's heading: "Permit CSE-NORTH-2026-0001 (TK-101)". */
  label: string
  windows: ExportWindow[]
  /** A person's stays as the file states them: only readings inside them are exported. */
  stays: { permit: string; entryAt: number; exitAt: number | null }[] | null
}

interface PermitRow {
  id: number
  number: string
  spaceTag: string
  rawRemovedAt: number | null
}

/**
 * What a subject covers over [from, to): the windows of each permit's readings, in permit order
 * (a person's in the order they went in). Only permits whose monitors sent continuous readings
 * have readings; the others still count for alarms, so every permit of the subject is kept.
 */
export function createScopeReader(db: Db, sqlite: Sqlite) {
  const permitColumns = `p.id, p.number, s.tag as spaceTag, r.removed_at as rawRemovedAt
    from permits p join spaces s on s.id = p.space_id left join raw_readings_removed r on r.permit_id = p.id`
  const permitById = sqlite.prepare(`select ${permitColumns} where p.id = ?`)
  const permitsOfSpace = sqlite.prepare(`select ${permitColumns} where p.space_id = ? order by p.id`)
  const permitsOfSite = sqlite.prepare(`select ${permitColumns} where (? is null or p.site_id = ?) order by p.id`)
  const spaceById = sqlite.prepare('select tag, name from spaces where id = ?')
  const siteById = sqlite.prepare('select code, name from sites where id = ?')
  const instrumentsOf = sqlite.prepare(
    `select i.id, i.serial from instruments i
      where i.id in (select distinct instrument_id from live_values where permit_id = ?) order by i.serial, i.id`,
  )
  const withInstruments = (row: PermitRow): ExportPermit => ({
    ...row,
    instruments: instrumentsOf.all(row.id) as ExportPermit['instruments'],
  })
  const whole = (rows: PermitRow[], from: number, to: number) =>
    rows.map((row) => ({ permit: withInstruments(row), from, to }))

  return function scopeOf(subject: GasExportSubject, from: number, to: number): ExportScope {
    switch (subject.kind) {
      case 'permit': {
        const row = permitById.get(subject.permitId) as PermitRow | undefined
        if (!row) throw notFound(`There is no permit with id ${String(subject.permitId)}.`)
        return { label: `Permit ${row.number} (${row.spaceTag})`, windows: whole([row], from, to), stays: null }
      }
      case 'space': {
        const space = spaceById.get(subject.spaceId) as { tag: string; name: string } | undefined
        if (!space) throw notFound(`There is no space with id ${String(subject.spaceId)}.`)
        const rows = permitsOfSpace.all(subject.spaceId) as PermitRow[]
        return { label: `Space ${space.tag} ${space.name}`, windows: whole(rows, from, to), stays: null }
      }
      case 'range': {
        const siteId = subject.siteId ?? null
        const site = siteId === null ? null : (siteById.get(siteId) as { code: string; name: string } | undefined)
        if (siteId !== null && !site) throw notFound(`There is no site with id ${String(siteId)}.`)
        const rows = permitsOfSite.all(siteId, siteId) as PermitRow[]
        return {
          label: site ? `Every permit of site ${site.code} ${site.name}` : 'Every permit',
          windows: whole(rows, from, to),
          stays: null,
        }
      }
      case 'person': {
        const name = personNameOf(db, subject.personKey)
        if (name === null) throw notFound(`Nobody is known as ${subject.personKey}.`)
        const permits = new Map<number, ExportPermit>()
        const windows: ExportWindow[] = []
        const stays: NonNullable<ExportScope['stays']> = []
        for (const stay of staysOf(db, subject.personKey)) {
          // Still inside: up to when the export started.
          const start = Math.max(stay.entryAt, from)
          const end = Math.min(stay.exitAt ?? to, to)
          if (start >= end) continue
          let permit = permits.get(stay.permitId)
          if (!permit) {
            const row = permitById.get(stay.permitId) as PermitRow
            permit = withInstruments(row)
            permits.set(stay.permitId, permit)
          }
          windows.push({ permit, from: start, to: end })
          stays.push({ permit: permit.number, entryAt: stay.entryAt, exitAt: stay.exitAt })
        }
        return { label: `${name} (${subject.personKey}), only while inside`, windows, stays }
      }
    }
  }
}

export type ScopeReader = ReturnType<typeof createScopeReader>
