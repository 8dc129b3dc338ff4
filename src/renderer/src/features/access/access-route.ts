import { allows, procedurePolicy } from '../../../../shared/contract/policy'
import type { Role } from '../../../../shared/contract/roles'
import { useHash } from '../../app/navigation/hash-route'

export const accessTabs = ['mine', 'queue', 'grants', 'reviews', 'catalogue'] as const
export type AccessTab = (typeof accessTabs)[number]

export const accessTabLabels: Record<AccessTab, string> = {
  mine: 'My access',
  queue: 'Approval queue',
  grants: 'Who has what',
  reviews: 'Reviews',
  catalogue: 'Catalogue',
}

/** What the hash below #/access names: a tab (with a record to bring forward), or one request. */
export type AccessView =
  { kind: 'tab'; tab: AccessTab | null; focusId: number | null } | { kind: 'request'; requestId: number }

export const accessTabHref = (tab: AccessTab): string => `#/access/${tab}`
export const requestHref = (requestId: number): string => `#/access/requests/${String(requestId)}`
export const reviewHref = (reviewId: number): string => `#/access/reviews/${String(reviewId)}`
/** A grant is its holder's: shown on their "My access", brought forward. */
export const grantHref = (grantId: number): string => `#/access/mine/grants/${String(grantId)}`

/**
 * #/access (the person's default tab), #/access/queue, ..., #/access/reviews/5 (that review open),
 * #/access/mine/grants/12 (that grant brought forward), #/access/requests/7 (one request).
 */
export function parseAccessHash(hash: string): AccessView {
  const path = hash.replace(/^#\/?/, '')
  const request = /^access\/requests\/([1-9]\d{0,14})$/.exec(path)
  if (request) return { kind: 'request', requestId: Number(request[1]) }
  const match = /^access\/([a-z]+)(?:\/(?:grants\/)?([1-9]\d{0,14}))?$/.exec(path)
  const tab = accessTabs.find((candidate) => candidate === match?.[1]) ?? null
  return { kind: 'tab', tab, focusId: tab && match?.[2] ? Number(match[2]) : null }
}

export const useAccessView = (): AccessView => parseAccessHash(useHash())

/** The tabs these roles may open: each shown only to those its procedures admit. */
export function accessTabsFor(roles: readonly Role[]): AccessTab[] {
  const may = (access: (typeof procedurePolicy)[keyof typeof procedurePolicy]) => allows(access, roles)
  return accessTabs.filter((tab) => {
    switch (tab) {
      case 'mine':
        return may(procedurePolicy['access.fileRequest'])
      case 'queue':
        return may(procedurePolicy['access.queue'])
      case 'grants':
      case 'reviews':
        return may(procedurePolicy['access.reviews'])
      case 'catalogue':
        return may(procedurePolicy['access.saveResource'])
    }
  })
}

/** Approvers open on their queue; everyone else on their own access. */
export const defaultAccessTab = (roles: readonly Role[]): AccessTab =>
  allows(procedurePolicy['access.queue'], roles) ? 'queue' : 'mine'
