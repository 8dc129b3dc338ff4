import type { PermitDetailDto } from '../../../../shared/contract/permits'

type TimelineStep = PermitDetailDto['timeline'][number]

const kinds: readonly string[] = ['evacuation_ordered', 'roll_call_complete', 'roll_call_reopened', 'exit_corrected']

/** The steps an inspector asks for after an alarm: the evacuations, their roll calls and the exits corrected. */
export function evacuationSteps(timeline: readonly TimelineStep[]): TimelineStep[] {
  return timeline.filter((step) => kinds.includes(step.kind))
}
