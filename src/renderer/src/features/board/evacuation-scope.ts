import type { BoardState } from './board-store'

/**
 * What "Evacuate all" reaches, in words: every space of the site the board is filtered to, or
 * every space of every site. The site's name comes from the site list, else from its cards.
 */
export function evacuationScopeLabel({
  filters,
  sites,
  cards,
}: Pick<BoardState, 'filters' | 'sites' | 'cards'>): string {
  const { siteId } = filters
  if (siteId === null) return 'every space of every site'
  const name = sites.find((site) => site.id === siteId)?.name ?? cards.find((card) => card.siteId === siteId)?.siteName
  return `every space of ${name ?? 'this site'}`
}
