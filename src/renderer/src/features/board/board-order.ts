import type { PermitCardDto } from '../../../../shared/contract/permits'

/** Cards that need someone now come first: alarms, then a running evacuation; otherwise the server's order. */
export function boardOrder(cards: readonly PermitCardDto[]): PermitCardDto[] {
  const urgency = (card: PermitCardDto): number => (card.alarms.length > 0 ? 0 : card.evacuation ? 1 : 2)
  return cards
    .map((card, index) => ({ card, index }))
    .sort((a, b) => urgency(a.card) - urgency(b.card) || a.index - b.index)
    .map(({ card }) => card)
}
