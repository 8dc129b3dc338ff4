import { eq } from 'drizzle-orm'
import type { Clock } from '../core/clock'
import { conflict, notFound } from '../core/domain-error'
import type { HandlersFor } from '../core/handler-types'
import type { Commit } from '../core/unit-of-work'
import type { Db } from '../db/database'
import { instruments } from '../db/schema'
import { actorOf } from '../identity/principal'
import { findSite } from '../sites/site-repository'
import { findInstrument, findInstrumentBySerial, instrumentDto, listInstruments } from './instrument-repository'

export function createInstrumentHandlers(db: Db, commit: Commit, clock: Clock): HandlersFor<'instruments'> {
  return {
    'instruments.list': (input) => listInstruments(db, input, clock.now()),
    'instruments.save': (input, ctx) =>
      commit(actorOf(ctx.principal), (tx, now) => {
        const { id, ...fields } = input
        if (!findSite(tx, fields.siteId)) throw notFound(`There is no site with id ${fields.siteId}.`)
        const clash = findInstrumentBySerial(tx, fields.serial)
        if (clash && clash.id !== id)
          throw conflict(`The serial ${fields.serial} is already registered as ${clash.name}.`)
        const before = id === undefined ? undefined : findInstrument(tx, id)
        if (id !== undefined && !before) throw notFound(`There is no instrument with id ${id}.`)
        const row =
          id === undefined
            ? tx
                .insert(instruments)
                .values({ ...fields, createdAt: now, updatedAt: now })
                .returning()
                .get()
            : tx
                .update(instruments)
                .set({ ...fields, updatedAt: now })
                .where(eq(instruments.id, id))
                .returning()
                .get()
        const dto = instrumentDto(tx, row, now)
        return {
          value: dto,
          audit: {
            action: before ? 'instrument.updated' : 'instrument.registered',
            entityType: 'instrument',
            entityId: row.id,
            before: before ? { ...before } : undefined,
            after: { ...row },
          },
          events: [{ name: 'instruments.changed', payload: { instrumentId: row.id, at: now } }],
        }
      }),
  }
}
