import type { PermitCardDto } from '../../../../shared/contract/permits'

/**
 * A card with an alarm someone must see or act on: the server's worded alarms, or a gas alarm not
 * yet acknowledged or still active. One that has cleared and been seen only waits for resolution.
 */
export const needsAttention = (card: PermitCardDto): boolean =>
  card.alarms.length > 0 || card.gasAlarms.some((alarm) => !alarm.acknowledged || !alarm.cleared)

/** Cards that need someone now come first: alarms, then a running evacuation; otherwise the server's order. */
export function boardOrder(cards: readonly PermitCardDto[]): PermitCardDto[] {
  const urgency = (card: PermitCardDto): number => (needsAttention(card) ? 0 : card.evacuation ? 1 : 2)
  return cards
    .map((card, index) => ({ card, index }))
    .sort((a, b) => urgency(a.card) - urgency(b.card) || a.index - b.index)
    .map(({ card }) => card)
}
