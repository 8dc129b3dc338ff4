import type { ComponentType } from 'react'
import {
  AccessPage,
  AdminPage,
  ApiPlaygroundPage,
  AuditPage,
  BoardPage,
  EntriesPage,
  EvidencePage,
  GasPage,
  HandoverPage,
  SpacesPage,
} from './lazy-pages'
import type { PageId } from './pages'

export const pageViews: Record<PageId, ComponentType> = {
  board: BoardPage,
  gas: GasPage,
  entries: EntriesPage,
  spaces: SpacesPage,
  handover: HandoverPage,
  access: AccessPage,
  audit: AuditPage,
  evidence: EvidencePage,
  admin: AdminPage,
  api: ApiPlaygroundPage,
}
