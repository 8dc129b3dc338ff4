import { eq, inArray } from 'drizzle-orm'
import type { TrendBand, TrendSubject } from '../../shared/contract/trends'
import { trendBands } from '../../shared/domain/trend-bands'
import { notFound } from '../core/domain-error'
import type { Db } from '../db/database'
import { instruments, liveValues, permits, sites, spaces } from '../db/schema'
import { profileOf } from '../permits/permit-fields'
import { conditionsOf } from '../permits/permit-repository'

/** One monitor's readings for one permit: a series per gas. */
export interface SeriesSource {
  permitId: number
  permitNumber: string
  instrumentId: number
  serial: string
}

export interface ResolvedSubject {
  title: string
  sources: SeriesSource[]
  permitIds: number[]
  /** The instrument whose alarms alone are marked (an instrument's trend); null: every alarm of the permits. */
  instrumentId: number | null
  bands: TrendBand[]
}

/** Every (permit, instrument) pair that has continuous readings, per live_values, within the given permits or instrument. */
function pairsOf(db: Db, where: { permitIds: number[] } | { instrumentId: number }) {
  return db
    .selectDistinct({
      permitId: liveValues.permitId,
      permitNumber: permits.number,
      instrumentId: liveValues.instrumentId,
      serial: instruments.serial,
    })
    .from(liveValues)
    .innerJoin(permits, eq(permits.id, liveValues.permitId))
    .innerJoin(instruments, eq(instruments.id, liveValues.instrumentId))
    .where(
      'permitIds' in where
        ? inArray(liveValues.permitId, where.permitIds)
        : eq(liveValues.instrumentId, where.instrumentId),
    )
    .orderBy(permits.number, instruments.serial)
    .all()
}

const siteProfile = (db: Db, siteId: number) =>
  profileOf(db.select({ profile: sites.limitProfile }).from(sites).where(eq(sites.id, siteId)).get()?.profile ?? '')

/** What a trend is of, its series and the lines to draw across them. */
export function resolveSubject(db: Db, subject: TrendSubject): ResolvedSubject {
  if (subject.kind === 'permit') {
    const row = db
      .select({ permit: permits, tag: spaces.tag })
      .from(permits)
      .innerJoin(spaces, eq(spaces.id, permits.spaceId))
      .where(eq(permits.id, subject.permitId))
      .get()
    if (!row) throw notFound(`There is no permit with id ${String(subject.permitId)}.`)
    const { permit, tag } = row
    return {
      title: `Permit ${permit.number} (${tag})`,
      sources: pairsOf(db, { permitIds: [permit.id] }),
      permitIds: [permit.id],
      instrumentId: null,
      bands: trendBands(profileOf(permit.limitProfile), conditionsOf(permit)),
    }
  }
  if (subject.kind === 'space') {
    const space = db.select().from(spaces).where(eq(spaces.id, subject.spaceId)).get()
    if (!space) throw notFound(`There is no space with id ${String(subject.spaceId)}.`)
    const permitIds = db
      .select({ id: permits.id })
      .from(permits)
      .where(eq(permits.spaceId, space.id))
      .all()
      .map((p) => p.id)
    return {
      title: `Space ${space.tag} (${space.name})`,
      sources: permitIds.length > 0 ? pairsOf(db, { permitIds }) : [],
      permitIds,
      instrumentId: null,
      // Several permits may each have their own conditions: the site's alarm levels are common to all.
      bands: trendBands(siteProfile(db, space.siteId), null),
    }
  }
  const instrument = db.select().from(instruments).where(eq(instruments.id, subject.instrumentId)).get()
  if (!instrument) throw notFound(`There is no instrument with id ${String(subject.instrumentId)}.`)
  const sources = pairsOf(db, { instrumentId: instrument.id })
  return {
    title: `Instrument ${instrument.serial} (${instrument.name})`,
    sources,
    permitIds: [...new Set(sources.map((s) => s.permitId))],
    instrumentId: instrument.id,
    bands: trendBands(siteProfile(db, instrument.siteId), null),
  }
}
