import type { PermitCardDto } from '../../../../shared/contract/permits'

/** How long a wall display shows one site before the next. */
export const wallRotationMs = 20_000

export interface SiteCards {
  siteId: number
  siteName: string
  cards: PermitCardDto[]
}

/** The board's cards by site, sites in the order their first card comes (the server's order). */
export function cardsBySite(cards: readonly PermitCardDto[]): SiteCards[] {
  const sites = new Map<number, SiteCards>()
  for (const card of cards) {
    const site = sites.get(card.siteId)
    if (site) site.cards.push(card)
    else sites.set(card.siteId, { siteId: card.siteId, siteName: card.siteName, cards: [card] })
  }
  return [...sites.values()]
}
