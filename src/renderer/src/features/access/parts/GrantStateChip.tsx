import type { GrantDto } from '../../../../../shared/contract/access'
import { SeverityChip } from '../../../ui/SeverityChip'
import { grantState } from '../access-labels'

export function GrantStateChip({ grant, now }: { grant: GrantDto; now: number }) {
  const state = grantState(grant, now)
  return <SeverityChip severity={state.severity} label={state.label} />
}
