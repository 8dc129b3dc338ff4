import type { ComponentType } from 'react'
import { AccessPage } from '../../features/access/AccessPage'
import { AdminPage } from '../../features/admin/AdminPage'
import { AuditPage } from '../../features/audit/AuditPage'
import { BoardPage } from '../../features/board/BoardPage'
import { EntriesPage } from '../../features/entries/EntriesPage'
import { GasPage } from '../../features/gas/GasPage'
import { HandoverPage } from '../../features/handover/HandoverPage'
import { SpacesPage } from '../../features/spaces/SpacesPage'
import type { PageId } from './pages'

export const pageViews: Record<PageId, ComponentType> = {
  board: BoardPage,
  gas: GasPage,
  entries: EntriesPage,
  spaces: SpacesPage,
  handover: HandoverPage,
  access: AccessPage,
  audit: AuditPage,
  admin: AdminPage,
}
