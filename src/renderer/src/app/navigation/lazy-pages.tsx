import LinearProgress from '@mui/material/LinearProgress'
import { lazy } from 'react'
import type { ComponentType } from 'react'

/**
 * Every page of the console, each its own chunk of the build, loaded when first opened: the
 * sign-in screen and the frame around the pages load none of them, and a page brings only what
 * it uses. The import paths must stay literal strings so the bundler can see and split them.
 */
function page<Props extends object>(load: () => Promise<ComponentType<Props>>) {
  return lazy(async () => ({ default: await load() }))
}

export const AccessPage = page(() => import('../../features/access/AccessPage').then((m) => m.AccessPage))
export const AdminPage = page(() => import('../../features/admin/AdminPage').then((m) => m.AdminPage))
export const ApiPlaygroundPage = page(() =>
  import('../../features/api-playground/ApiPlaygroundPage').then((m) => m.ApiPlaygroundPage),
)
export const AuditPage = page(() => import('../../features/audit/AuditPage').then((m) => m.AuditPage))
export const BoardPage = page(() => import('../../features/board/BoardPage').then((m) => m.BoardPage))
export const WallBoardPage = page(() => import('../../features/board/WallBoardPage').then((m) => m.WallBoardPage))
export const EntriesPage = page(() => import('../../features/entries/EntriesPage').then((m) => m.EntriesPage))
export const EvidencePage = page(() => import('../../features/evidence/EvidencePage').then((m) => m.EvidencePage))
export const GasPage = page(() => import('../../features/gas/GasPage').then((m) => m.GasPage))
export const PersonExposurePage = page(() =>
  import('../../features/exposure/PersonExposurePage').then((m) => m.PersonExposurePage),
)
export const HandoverPage = page(() => import('../../features/handover/HandoverPage').then((m) => m.HandoverPage))
export const SpacesPage = page(() => import('../../features/spaces/SpacesPage').then((m) => m.SpacesPage))
export const PermitDetailPage = page(() =>
  import('../../features/permit-detail/PermitDetailPage').then((m) => m.PermitDetailPage),
)
export const PermitFormPage = page(() => import('../../features/permits/PermitFormPage').then((m) => m.PermitFormPage))
export const PermitPrintPage = page(() =>
  import('../../features/permit-print/PermitPrintPage').then((m) => m.PermitPrintPage),
)

/** Shown in a page's place for the moment its chunk takes to arrive. */
export function PageLoading() {
  return <LinearProgress aria-label="Loading the page" />
}
