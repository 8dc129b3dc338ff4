import { asc, eq } from 'drizzle-orm'
import type { EntryPairDto } from '../../shared/contract/permits'
import type { Db } from '../db/database'
import { entryEvents } from '../db/schema'

/** Each entry with the exit that followed it (entryTime / exitTime / remarks), in commit order like presence. */
export function entryPairsOf(db: Db, permitId: number): EntryPairDto[] {
  const events = db
    .select()
    .from(entryEvents)
    .where(eq(entryEvents.permitId, permitId))
    .orderBy(asc(entryEvents.id))
    .limit(5000)
    .all()
  const pairs: EntryPairDto[] = []
  const open = new Map<string, EntryPairDto>()
  /** The pair each exit closed, so a correction of that exit can open it again. */
  const closedBy = new Map<number, EntryPairDto>()
  for (const event of events) {
    const corrected = event.correctsId === null ? undefined : closedBy.get(event.correctsId)
    if (event.kind === 'entry' && corrected) {
      // The person never left: the pair stays one stay, with the mistake and its correction in the remarks.
      corrected.exitTime = null
      corrected.exitId = null
      corrected.remarks = [corrected.remarks, event.notes].filter(Boolean).join(' / ')
      open.set(event.personKey, corrected)
      continue
    }
    if (event.kind === 'entry') {
      const pair: EntryPairDto = {
        personKey: event.personKey,
        personName: event.personName,
        entryTime: event.at,
        exitTime: null,
        exitId: null,
        remarks: event.notes,
      }
      pairs.push(pair)
      open.set(event.personKey, pair)
      continue
    }
    const pair = open.get(event.personKey)
    if (pair) {
      pair.exitTime = event.at
      pair.exitId = event.id
      closedBy.set(event.id, pair)
      pair.remarks = [pair.remarks, event.notes].filter(Boolean).join(' / ')
      open.delete(event.personKey)
    } else {
      // An exit with no recorded entry is still kept: exits are never refused.
      const lone: EntryPairDto = {
        personKey: event.personKey,
        personName: event.personName,
        entryTime: event.at,
        exitTime: event.at,
        exitId: event.id,
        remarks: ['Exit without a recorded entry', event.notes].filter(Boolean).join(' / '),
      }
      pairs.push(lone)
      closedBy.set(event.id, lone)
    }
  }
  return pairs
}
