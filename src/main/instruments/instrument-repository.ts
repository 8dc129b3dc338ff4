import { and, asc, count, eq, inArray, max } from 'drizzle-orm'
import type { InstrumentDto } from '../../shared/contract/instruments'
import { instrumentReadiness } from '../../shared/domain/instrument-readiness'
import type { Db } from '../db/database'
import { containsText } from '../db/text-search'
import { instruments, liveValues, sites } from '../db/schema'

export type InstrumentRow = typeof instruments.$inferSelect

export const findInstrument = (db: Db, id: number): InstrumentRow | undefined =>
  db.select().from(instruments).where(eq(instruments.id, id)).get()

export const findInstrumentBySerial = (db: Db, serial: string): InstrumentRow | undefined =>
  db.select().from(instruments).where(eq(instruments.serial, serial)).get()

/** Instruments by serial, for a batch: one query however many readings name them. */
export function instrumentsBySerial(db: Db, serials: readonly string[]): Map<string, InstrumentRow> {
  if (serials.length === 0) return new Map()
  const rows = db
    .select()
    .from(instruments)
    .where(inArray(instruments.serial, [...new Set(serials)]))
    .all()
  return new Map(rows.map((row) => [row.serial, row]))
}

function toDtos(db: Db, rows: { instrument: InstrumentRow; siteName: string }[], now: number): InstrumentDto[] {
  const ids = rows.map((row) => row.instrument.id)
  const last = new Map(
    ids.length === 0
      ? []
      : db
          .select({ id: liveValues.instrumentId, at: max(liveValues.takenAt) })
          .from(liveValues)
          .where(inArray(liveValues.instrumentId, ids))
          .groupBy(liveValues.instrumentId)
          .all()
          .map((row) => [row.id, row.at]),
  )
  return rows.map(({ instrument, siteName }) => {
    const readiness = instrumentReadiness(instrument, now)
    return {
      id: instrument.id,
      siteId: instrument.siteId,
      siteName,
      serial: instrument.serial,
      model: instrument.model,
      name: instrument.name,
      sensors: instrument.sensors,
      lastBumpAt: instrument.lastBumpAt,
      calibrationDueAt: instrument.calibrationDueAt,
      status: instrument.status,
      bumpOverdue: readiness.bumpOverdue,
      calibrationOverdue: readiness.calibrationOverdue,
      lastReadingAt: last.get(instrument.id) ?? null,
    }
  })
}

export function instrumentDto(db: Db, row: InstrumentRow, now: number): InstrumentDto {
  const site = db.select({ name: sites.name }).from(sites).where(eq(sites.id, row.siteId)).get()
  const [dto] = toDtos(db, [{ instrument: row, siteName: site?.name ?? '' }], now)
  if (!dto) throw new Error('an instrument as a DTO')
  return dto
}

export function listInstruments(
  db: Db,
  filter: { limit: number; offset: number; siteId?: number; search?: string },
  now: number,
) {
  const where = and(
    filter.siteId === undefined ? undefined : eq(instruments.siteId, filter.siteId),
    containsText([instruments.serial, instruments.model, instruments.name], filter.search),
  )
  const rows = db
    .select({ instrument: instruments, siteName: sites.name })
    .from(instruments)
    .innerJoin(sites, eq(sites.id, instruments.siteId))
    .where(where)
    .orderBy(asc(instruments.serial))
    .limit(filter.limit)
    .offset(filter.offset)
    .all()
  const total = db.select({ n: count() }).from(instruments).where(where).get()?.n ?? 0
  return { items: toDtos(db, rows, now), total }
}
