import AppBar from '@mui/material/AppBar'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Drawer from '@mui/material/Drawer'
import Toolbar from '@mui/material/Toolbar'
import Typography from '@mui/material/Typography'
import { useMemo, useRef } from 'react'
import { OpenReviewsNotice } from '../features/access-reviews/OpenReviewsNotice'
import { AlarmWatch } from '../features/alarms/AlarmWatch'
import { NotificationBell } from '../features/notifications/NotificationBell'
import { IntegrityProblemNotice } from '../features/system/IntegrityProblemNotice'
import { useMayCall } from '../features/session/use-access'
import { useSession } from '../features/session/use-session'
import { ThemeToggle } from '../theme/ThemeToggle'
import { printHidden } from '../theme/PrintStyles'
import { useFocusHeadingOnNavigation } from './navigation/focus-heading'
import { useCurrentRoute, useHash } from './navigation/hash-route'
import { NavList } from './navigation/NavList'
import { landingPage, visiblePages } from './navigation/pages'
import { menuPageOf, pathOfHash } from './navigation/routes'
import { RouteView } from './navigation/RouteView'
import { SkipLink } from './SkipLink'
import { UserBadge } from './UserBadge'

const navWidth = 220

export function AppFrame() {
  const roles = useSession((state) => state.user?.roles)
  const logout = useSession((state) => state.logout)
  const ownRoles = useMemo(() => roles ?? [], [roles])
  const pages = useMemo(() => visiblePages(ownRoles), [ownRoles])
  const route = useCurrentRoute(pages, ownRoles)
  const watchesAlarms = useMayCall('alarms.summary')
  const keepsResources = useMayCall('access.startReview')
  const watchesDatabase = useMayCall('system.integrityChecks')
  const onLanding = route?.kind === 'page' && route.page === landingPage(pages, ownRoles)
  const main = useRef<HTMLElement>(null)
  // A query narrows the page shown (a filter); only a change of page moves the focus to its heading.
  useFocusHeadingOnNavigation(pathOfHash(useHash()), main)

  // A wall display shows the board alone: no menu, no bar, no banner (its cards carry the alarms).
  if (route?.kind === 'wall')
    return (
      <Box component="main" sx={{ minHeight: '100vh', p: 2 }}>
        {watchesAlarms ? <AlarmWatch banner={false} /> : null}
        <RouteView route={route} />
      </Box>
    )

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <SkipLink target={main} />
      <AppBar className={printHidden} sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
        <Toolbar sx={{ gap: 2 }}>
          <Typography variant="h6" component="p" sx={{ flexGrow: 1, color: 'primary.main', fontWeight: 700 }}>
            Gatehouse
          </Typography>
          <NotificationBell />
          <UserBadge />
          <ThemeToggle />
          <Button variant="outlined" color="inherit" onClick={() => void logout()}>
            Sign out
          </Button>
        </Toolbar>
      </AppBar>
      <Drawer
        variant="permanent"
        className={printHidden}
        sx={{ width: navWidth, flexShrink: 0, '& .MuiDrawer-paper': { width: navWidth } }}
      >
        <Toolbar />
        <NavList pages={pages} current={route ? menuPageOf(route) : undefined} />
      </Drawer>
      <Box component="main" ref={main} tabIndex={-1} sx={{ flexGrow: 1, minWidth: 0, p: 3, outline: 'none' }}>
        <Toolbar className={printHidden} />
        {watchesAlarms ? <AlarmWatch /> : null}
        {watchesDatabase ? <IntegrityProblemNotice onAdmin={route?.kind === 'page' && route.page === 'admin'} /> : null}
        {onLanding && keepsResources ? <OpenReviewsNotice /> : null}
        {route ? <RouteView route={route} /> : null}
      </Box>
    </Box>
  )
}
