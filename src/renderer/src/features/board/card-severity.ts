import type { PermitCardDto } from '../../../../shared/contract/permits'

/**
 * How bad the worst thing on a card is, worst first: people still to come out of an evacuation,
 * then ISA-18.2's high, medium and low, then nothing. A stale test is low; an evacuation in
 * progress is in a class of its own.
 */
export const cardLevels = ['evacuation', 'high', 'medium', 'low', 'none'] as const
export type CardLevel = (typeof cardLevels)[number]

export const cardLevelRank = (level: CardLevel): number => cardLevels.indexOf(level)

const worse = (a: CardLevel, b: CardLevel): CardLevel => (cardLevelRank(a) <= cardLevelRank(b) ? a : b)

/** The single most severe condition of a permit, in words, and how many more it has. */
export interface CardCondition {
  level: CardLevel
  message: string
  /** Alarms and conditions on the permit beyond this one. */
  more: number
}

/**
 * The level of the server's worded conditions (src/main/permits/permit-alarms.ts), read from the
 * same facts the server words them from. The server lists them worst first, so the first of its
 * words goes with the worst of these levels. Anything worded that none of these explains is high:
 * an unknown condition must not look calm.
 */
function conditionLevel(card: PermitCardDto): CardLevel {
  if (card.alarms.length === 0) return 'none'
  const inside = card.inside.length
  if (inside === 0) return card.atmosphere.level === 'red' ? 'medium' : 'high'
  // 1910.146(i): nobody may stay inside an expired or suspended permit, a prohibited atmosphere, or unwatched.
  if (card.state === 'expired' || card.state === 'suspended') return 'high'
  if (card.atmosphere.level === 'red' || card.attendantOnDuty === null) return 'high'
  if (card.atmosphere.level === 'none') return 'medium'
  if (card.atmosphere.level === 'amber') return 'low'
  return 'high'
}

/** What the card leads with: the evacuation, else the worst alarm, gas or worded, else nothing. */
export function worstCondition(card: PermitCardDto): CardCondition {
  const total = card.alarms.length + card.gasAlarms.length
  const { evacuation } = card
  if (evacuation && evacuation.stillInside.length > 0) {
    const { stillInside } = evacuation
    return {
      level: 'evacuation',
      message: `Still to come out (${String(stillInside.length)}): ${stillInside.join(', ')}`,
      // The server words the evacuation as an alarm of its own; that one is this.
      more: Math.max(0, total - 1),
    }
  }
  const gas = card.gasAlarms[0]
  // A gas alarm that has cleared and been seen only waits for a supervisor to resolve it.
  const gasLevel: CardLevel = !gas ? 'none' : gas.acknowledged && gas.cleared ? 'low' : gas.priority
  const worded = card.alarms[0]
  const wordedLevel = conditionLevel(card)
  const useGas =
    gas &&
    (!worded || cardLevelRank(gasLevel) < cardLevelRank(wordedLevel) || (gasLevel === wordedLevel && !gas.acknowledged))
  if (useGas) return { level: gasLevel, message: gas.message, more: total - 1 }
  if (worded) return { level: wordedLevel, message: worded, more: total - 1 }
  if (evacuation) return { level: 'medium', message: 'Evacuation: everyone is out.', more: total }
  return { level: 'none', message: 'No alarms', more: 0 }
}

/** The worst level over several cards (a site on the wall), or none. */
export const worstLevel = (cards: readonly PermitCardDto[]): CardLevel =>
  cards.reduce<CardLevel>((level, card) => worse(level, worstCondition(card).level), 'none')
