import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Tab from '@mui/material/Tab'
import Tabs from '@mui/material/Tabs'
import { useMemo } from 'react'
import { PageHeader } from '../../ui/PageHeader'
import { Catalogue } from '../access-catalogue/Catalogue'
import { useCatalogue } from '../access-catalogue/use-catalogue'
import { WhoHasWhat } from '../access-grants/WhoHasWhat'
import { ApprovalQueue } from '../access-queue/ApprovalQueue'
import { AccessReviews } from '../access-reviews/AccessReviews'
import { useSession } from '../session/use-session'
import { accessTabHref, accessTabLabels, accessTabsFor, defaultAccessTab, useAccessView } from './access-route'
import { MyAccess } from './MyAccess'
import { RequestPage } from './RequestPage'
import { useMyAccess } from './use-my-access'

const noRoles: never[] = []

/**
 * Access governance: a requester's own access, an approver's queue, who holds what, owners'
 * reviews and the administrator's catalogue, each a tab shown to those who may use it.
 */
export function AccessPage() {
  const roles = useSession((state) => state.user?.roles ?? noRoles)
  const view = useAccessView()
  const tabs = useMemo(() => accessTabsFor(roles), [roles])
  const openFile = useMyAccess((state) => state.openFile)
  const openCatalogueDialog = useCatalogue((state) => state.openDialog)
  if (view.kind === 'request') return <RequestPage key={view.requestId} requestId={view.requestId} />
  const tab = view.tab !== null && tabs.includes(view.tab) ? view.tab : defaultAccessTab(roles)
  const focusId = view.tab === tab ? view.focusId : null
  return (
    <>
      <PageHeader
        title="Access"
        actions={
          tab === 'mine' ? (
            <Button variant="contained" onClick={openFile}>
              Request access
            </Button>
          ) : tab === 'catalogue' ? (
            <Button variant="contained" onClick={() => openCatalogueDialog({ kind: 'create' })}>
              New resource
            </Button>
          ) : undefined
        }
      />
      <Tabs value={tab} aria-label="Access" sx={{ mb: 3, borderBottom: 1, borderColor: 'divider' }}>
        {tabs.map((value) => (
          <Tab key={value} value={value} label={accessTabLabels[value]} component="a" href={accessTabHref(value)} />
        ))}
      </Tabs>
      <Box role="tabpanel" aria-label={accessTabLabels[tab]}>
        {tab === 'mine' ? <MyAccess focusGrantId={focusId} /> : null}
        {tab === 'queue' ? <ApprovalQueue /> : null}
        {tab === 'grants' ? <WhoHasWhat /> : null}
        {tab === 'reviews' ? <AccessReviews focusReviewId={focusId} /> : null}
        {tab === 'catalogue' ? <Catalogue /> : null}
      </Box>
    </>
  )
}
