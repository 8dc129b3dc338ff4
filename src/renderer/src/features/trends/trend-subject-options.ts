import type { TrendSubject } from '../../../../shared/contract/trends'
import { permitStateLabels } from '../../../../shared/domain/permit-lifecycle'
import type { TrendSubjects } from './trend-subjects-store'

/** One choice of the subject picker. */
export interface SubjectOption {
  subject: TrendSubject
  group: 'Permits' | 'Spaces' | 'Instruments'
  label: string
}

export const subjectKey = (subject: TrendSubject): string =>
  subject.kind === 'permit'
    ? `permit:${String(subject.permitId)}`
    : subject.kind === 'space'
      ? `space:${String(subject.spaceId)}`
      : `instrument:${String(subject.instrumentId)}`

/** Permits (newest first), spaces and instruments, each named as a supervisor knows it. */
export function subjectOptions({ permits, spaces, instruments }: TrendSubjects): SubjectOption[] {
  return [
    ...permits.map((permit) => ({
      subject: { kind: 'permit', permitId: permit.id } as const,
      group: 'Permits' as const,
      label: `${permit.permitNumber} · ${permit.spaceName} (${permitStateLabels[permit.status]})`,
    })),
    ...spaces.map((space) => ({
      subject: { kind: 'space', spaceId: space.id } as const,
      group: 'Spaces' as const,
      label: `${space.tag} · ${space.name} (${space.siteName})`,
    })),
    ...instruments.map((instrument) => ({
      subject: { kind: 'instrument', instrumentId: instrument.id } as const,
      group: 'Instruments' as const,
      label: `${instrument.serial} · ${instrument.name} (${instrument.siteName})`,
    })),
  ]
}
