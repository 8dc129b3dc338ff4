import { useSyncExternalStore } from 'react'
import type { Role } from '../../../../shared/contract/roles'
import { landingPage, pages } from './pages'
import type { PageEntry } from './pages'
import { parseHash, pathOfHash, routeAllowed } from './routes'
import type { Route } from './routes'

// The location hash is the route: links change it without a reload, and a reload keeps the page.
const subscribe = (onChange: () => void): (() => void) => {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

const readHash = (): string => window.location.hash

/** The location hash, following every change. */
export const useHash = (): string => useSyncExternalStore(subscribe, readHash)

/** Goes to a route without reloading; the frame follows through hashchange. */
export function navigate(href: string): void {
  window.location.hash = href
}

/**
 * The route the hash names if this person may see it. No address opens the landing page; an
 * address of a page their roles do not open, or one that names nothing, says so (a page under an
 * address it does not name would leave a person unsure where they are).
 */
export function useCurrentRoute(visible: readonly PageEntry[], roles: readonly Role[]): Route | undefined {
  const hash = useHash()
  if (pathOfHash(hash) === '') {
    const landing = landingPage(visible, roles)
    return landing ? { kind: 'page', page: landing } : undefined
  }
  const route = parseHash(hash, pages)
  if (!route) return { kind: 'unavailable', why: 'unknown' }
  return routeAllowed(route, visible, roles) ? route : { kind: 'unavailable', why: 'roles' }
}
