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
  for (const event of events) {
    if (event.kind === 'entry') {
      const pair = {
        personKey: event.personKey,
        personName: event.personName,
        entryTime: event.at,
        exitTime: null,
        remarks: event.notes,
      }
      pairs.push(pair)
      open.set(event.personKey, pair)
      continue
    }
    const pair = open.get(event.personKey)
    if (pair) {
      pair.exitTime = event.at
      pair.remarks = [pair.remarks, event.notes].filter(Boolean).join(' / ')
      open.delete(event.personKey)
    } else {
      // An exit with no recorded entry is still kept: exits are never refused.
      pairs.push({
        personKey: event.personKey,
        personName: event.personName,
        entryTime: event.at,
        exitTime: event.at,
        remarks: ['Exit without a recorded entry', event.notes].filter(Boolean).join(' / '),
      })
    }
  }
  return pairs
}
