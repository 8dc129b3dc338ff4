import { TZDate } from '@date-fns/tz'

/** A programme year as a site keeps it: from midnight of January 1 to the next, in `timeZone`. */
export function reviewYear(year: number, timeZone: string): { from: number; to: number } {
  return { from: new TZDate(year, 0, 1, timeZone).getTime(), to: new TZDate(year + 1, 0, 1, timeZone).getTime() }
}
