import type { ReactNode } from 'react'
import type { PermitDetailDto } from '../../../../../shared/contract/permits'
import {
  attendantLine,
  authorizationText,
  conditionLines,
  permitFieldLabel,
  permitFieldLabels,
  profileLabel,
  validityText,
} from '../permit-record'
import { ItemList, RecordList, RecordRow } from './RecordList'

/**
 * Every field of 1910.146(f)(1)-(15), labelled with its number. The detail page and the printed
 * permit show the same record; the test results (f)(10) are laid out by whoever shows it.
 */
export function PermitRecord({ detail, tests }: { detail: PermitDetailDto; tests: ReactNode }) {
  const { card, fields } = detail
  return (
    <RecordList>
      <RecordRow label={permitFieldLabel(1)}>
        {card.spaceTag} — {card.spaceName}; {card.siteName}
        {card.location ? `; ${card.location}` : ''}
      </RecordRow>
      <RecordRow label={permitFieldLabel(2)}>{fields.purpose}</RecordRow>
      <RecordRow label={permitFieldLabel(3)}>{validityText(detail)}</RecordRow>
      <RecordRow label={permitFieldLabel(4)}>
        <ItemList label={permitFieldLabels[4]} items={detail.entrants.map((entrant) => entrant.name)} />
      </RecordRow>
      <RecordRow label={permitFieldLabel(5)}>
        <ItemList
          label={permitFieldLabels[5]}
          items={detail.attendants.map((attendant) => attendantLine(attendant, card.state))}
        />
      </RecordRow>
      <RecordRow label={permitFieldLabel(6)}>
        Entry supervisor: {card.entrySupervisor}. {authorizationText(detail)}
      </RecordRow>
      <RecordRow label={permitFieldLabel(7)}>
        <ItemList label={permitFieldLabels[7]} items={fields.hazards} />
      </RecordRow>
      <RecordRow label={permitFieldLabel(8)}>
        <ItemList
          label={permitFieldLabels[8]}
          items={fields.isolationMeasures.map(({ measure, done }) => `${measure}: ${done ? 'done' : 'NOT done'}`)}
        />
      </RecordRow>
      <RecordRow label={permitFieldLabel(9)}>
        <ItemList label={permitFieldLabels[9]} items={conditionLines(fields.conditions)} />
        Limit profile: {profileLabel(fields.limitProfile)}. Tests older than {detail.maxTestAgeMinutes} min do not admit
        entry.
      </RecordRow>
      <RecordRow label={permitFieldLabel(10)}>{tests}</RecordRow>
      <RecordRow label={permitFieldLabel(11)}>
        {fields.rescueService}. How to summon: {fields.rescueContact}
      </RecordRow>
      <RecordRow label={permitFieldLabel(12)}>{fields.communicationMethod}</RecordRow>
      <RecordRow label={permitFieldLabel(13)}>
        <ItemList label={permitFieldLabels[13]} items={fields.equipment} />
      </RecordRow>
      <RecordRow label={permitFieldLabel(14)}>{fields.otherSafetyInfo || 'None recorded.'}</RecordRow>
      <RecordRow label={permitFieldLabel(15)}>
        <ItemList label={permitFieldLabels[15]} items={fields.relatedPermits} />
      </RecordRow>
    </RecordList>
  )
}
