import { personKeySchema } from '../../../../shared/contract/exposure'
import { allows, procedurePolicy } from '../../../../shared/contract/policy'
import type { Role } from '../../../../shared/contract/roles'
import type { PageEntry, PageId } from './pages'

export type PermitView = 'detail' | 'edit' | 'print'

export const gasTabs = ['trends', 'alarms', 'instruments', 'simulator', 'import'] as const
export type GasTab = (typeof gasTabs)[number]

/** Everything the hash can name: a page of the menu, a tab of the Gas page, or one permit (a new one, or one by id). */
export type Route =
  | { kind: 'page'; page: PageId }
  | { kind: 'gas'; tab: GasTab }
  | { kind: 'permit'; permitId: number; view: PermitView }
  | { kind: 'newPermit' }
  | { kind: 'wall' }
  /** A person's page (stays and exposure), by their entry-log key: `user:<id>` or `name:<name>`. */
  | { kind: 'person'; personKey: string }
  /** An address this person may not open (`roles`), or one that names nothing (`unknown`): said so, never another page. */
  | { kind: 'unavailable'; why: 'roles' | 'unknown' }

export const hrefFor = (page: PageId): string => `#/${page}`

export const gasHref = (tab: GasTab): string => `#/gas/${tab}`

/** Where the alarm banner and the permit's alarms send a person for the whole list. */
export const alarmListHref = gasHref('alarms')

export const newPermitHref = '#/permits/new'

/** The board alone, without the frame, for a dedicated wall display. */
export const wallHref = '#/board/wall'

export function permitHref(permitId: number, view: PermitView = 'detail'): string {
  return view === 'detail' ? `#/permits/${String(permitId)}` : `#/permits/${String(permitId)}/${view}`
}

/** A person's page; the key is encoded, so a name with spaces or slashes stays one address. */
export const personHref = (personKey: string): string => `#/people/${encodeURIComponent(personKey)}`

/**
 * The hash without its `#/` and without a query: `#/audit?entityType=permit` names the audit page,
 * the query only narrows what that page shows.
 */
export const pathOfHash = (hash: string): string => hash.replace(/^#\/?/, '').replace(/\?.*$/s, '')

/** The query of the hash (`entityType=permit&entityId=3`), or '' when it has none. */
export const queryOfHash = (hash: string): string => /\?(.*)$/s.exec(hash)?.[1] ?? ''

/**
 * #/board, #/spaces, ... name pages; #/gas/trends, #/gas/alarms, #/gas/instruments,
 * #/gas/simulator and #/gas/import the tabs of the Gas page (#/gas is its alarms; #/gas/trends?space=3&range=30d
 * names a chart); #/permits/new, #/permits/12, #/permits/12/edit and
 * #/permits/12/print name permits; #/people/<person key> a person's page; #/board/wall the board on a wall display; #/access/... the Access page's tabs and records.
 * A query after `?` narrows the page it follows (#/audit?entityType=permit). Anything else names nothing.
 */
export function parseHash(hash: string, pages: readonly PageEntry[]): Route | null {
  const path = pathOfHash(hash)
  if (path === 'permits/new') return { kind: 'newPermit' }
  if (path === 'board/wall') return pages.some((entry) => entry.id === 'board') ? { kind: 'wall' } : null
  const gas = /^gas(?:\/([a-z]+))?$/.exec(path)
  if (gas) {
    const tab = gasTabs.find((candidate) => candidate === (gas[1] ?? 'alarms'))
    return tab ? { kind: 'gas', tab } : null
  }
  const person = /^people\/([^/]+)$/.exec(path)
  if (person) {
    const personKey = decodedKey(person[1] ?? '')
    return personKey === null ? null : { kind: 'person', personKey }
  }
  const permit = /^permits\/([1-9]\d{0,14})(?:\/(edit|print))?$/.exec(path)
  if (permit) {
    const view: PermitView = permit[2] === 'edit' ? 'edit' : permit[2] === 'print' ? 'print' : 'detail'
    return { kind: 'permit', permitId: Number(permit[1]), view }
  }
  // The Access page names its own tabs and records below #/access/ (features/access/access-route.ts),
  // the API playground a procedure below #/api/.
  const head = path.startsWith('access/') ? 'access' : path.startsWith('api/') ? 'api' : path
  const page = pages.find((entry) => entry.id === head)
  return page ? { kind: 'page', page: page.id } : null
}

/** A person key from an address, or null when it is not one (personKeySchema's rule). */
function decodedKey(encoded: string): string | null {
  try {
    const key = decodeURIComponent(encoded)
    return personKeySchema.safeParse(key).success ? key : null
  } catch {
    return null
  }
}

/** Whether these roles may call the query or command a route is built on. */
export function routeAllowed(route: Route, visible: readonly PageEntry[], roles: readonly Role[]): boolean {
  switch (route.kind) {
    case 'page':
      return visible.some((page) => page.id === route.page)
    case 'gas':
      return (
        visible.some((page) => page.id === 'gas') &&
        (route.tab !== 'simulator' || allows(procedurePolicy['simulator.status'], roles)) &&
        (route.tab !== 'trends' || allows(procedurePolicy['trends.query'], roles)) &&
        (route.tab !== 'import' || allows(procedurePolicy['datalog.begin'], roles))
      )
    case 'newPermit':
      return allows(procedurePolicy['permits.create'], roles)
    case 'wall':
      return visible.some((page) => page.id === 'board')
    case 'person':
      return allows(procedurePolicy['exposure.person'], roles)
    case 'permit':
      return allows(procedurePolicy[route.view === 'edit' ? 'permits.update' : 'permits.get'], roles)
    case 'unavailable':
      return true
  }
}

/** The menu entry a route belongs under: permits are reached from the board. */
export function menuPageOf(route: Route): PageId | undefined {
  switch (route.kind) {
    case 'page':
      return route.page
    case 'gas':
      return 'gas'
    // A person is reached from who is inside and the entries: their page belongs there.
    case 'person':
      return 'entries'
    case 'unavailable':
      return undefined
    default:
      return 'board'
  }
}
