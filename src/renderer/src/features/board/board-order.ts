import type { PermitCardDto } from '../../../../shared/contract/permits'
import { cardLevelRank, worstCondition } from './card-severity'

/**
 * Cards that need someone now come first, worst first: an evacuation with people still inside,
 * then high, medium and low alarms; otherwise the server's order.
 */
export function boardOrder(cards: readonly PermitCardDto[]): PermitCardDto[] {
  return cards
    .map((card, index) => ({ card, index, rank: cardLevelRank(worstCondition(card).level) }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ card }) => card)
}
