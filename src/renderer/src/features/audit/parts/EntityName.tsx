import Link from '@mui/material/Link'
import type { AuditEntryDto } from '../../../../../shared/contract/audit'
import { permitHref } from '../../../app/navigation/routes'
import { useMayCall } from '../../session/use-access'
import { entityTypeLabel } from '../audit-filter'

/** "request #12" when a record has no name of its own; nothing at all when the entry names no record. */
export const entityText = (entry: Pick<AuditEntryDto, 'entityType' | 'entityId' | 'entityLabel'>): string =>
  entry.entityLabel ?? (entry.entityId ? `${entityTypeLabel(entry.entityType).toLowerCase()} #${entry.entityId}` : '—')

/** The record an entry is about, by its name, linking to its page when it has one the person may open. */
export function EntityName({ entry }: { entry: AuditEntryDto }) {
  const mayOpenPermits = useMayCall('permits.get')
  const text = entityText(entry)
  const permitId = entry.entityType === 'permit' && entry.entityId ? Number(entry.entityId) : NaN
  if (mayOpenPermits && Number.isSafeInteger(permitId) && permitId > 0)
    return (
      <Link href={permitHref(permitId)} sx={{ whiteSpace: 'nowrap' }}>
        {text}
      </Link>
    )
  return <>{text}</>
}
