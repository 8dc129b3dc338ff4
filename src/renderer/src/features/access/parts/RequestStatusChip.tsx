import type { RequestDto } from '../../../../../shared/contract/access'
import { SeverityChip } from '../../../ui/SeverityChip'
import { requestStatusLabels, requestStatusSeverity } from '../access-labels'

/** A request's status in words on its severity's fill: pending amber, approved green, denied red. */
export function RequestStatusChip({ status }: { status: RequestDto['status'] }) {
  return <SeverityChip severity={requestStatusSeverity[status]} label={requestStatusLabels[status]} />
}
