import { useSyncExternalStore } from 'react'
import type { Role } from '../../../../shared/contract/roles'
import { landingPage } from './pages'
import type { PageEntry } from './pages'
import { parseHash, routeAllowed } from './routes'
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

/** The route the hash names if this person may see it, otherwise their landing page. */
export function useCurrentRoute(visible: readonly PageEntry[], roles: readonly Role[]): Route | undefined {
  const route = parseHash(useHash(), visible)
  if (route && routeAllowed(route, visible, roles)) return route
  const landing = landingPage(visible, roles)
  return landing ? { kind: 'page', page: landing } : undefined
}
