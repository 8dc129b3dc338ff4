import { useSyncExternalStore } from 'react'
import type { PageEntry, PageId } from './pages'

// The location hash is the route: links change it without a reload, and a reload keeps the page.
const subscribe = (onChange: () => void): (() => void) => {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

const readHash = (): string => window.location.hash

export const hrefFor = (page: PageId): string => `#/${page}`

/** The page the hash names if this person may see it, otherwise their first page. */
export function useCurrentPage(visible: readonly PageEntry[]): PageEntry | undefined {
  const hash = useSyncExternalStore(subscribe, readHash)
  return visible.find((page) => hrefFor(page.id) === hash) ?? visible[0]
}
