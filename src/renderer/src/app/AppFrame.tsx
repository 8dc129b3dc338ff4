import AppBar from '@mui/material/AppBar'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Drawer from '@mui/material/Drawer'
import Toolbar from '@mui/material/Toolbar'
import Typography from '@mui/material/Typography'
import { useMemo } from 'react'
import { useSession } from '../features/session/use-session'
import { ThemeToggle } from '../theme/ThemeToggle'
import { useCurrentPage } from './navigation/hash-route'
import { NavList } from './navigation/NavList'
import { pageViews } from './navigation/page-views'
import { visiblePages } from './navigation/pages'
import { UserBadge } from './UserBadge'

const navWidth = 220

export function AppFrame() {
  const roles = useSession((state) => state.user?.roles)
  const logout = useSession((state) => state.logout)
  const pages = useMemo(() => visiblePages(roles ?? []), [roles])
  const current = useCurrentPage(pages)
  const View = current ? pageViews[current.id] : null

  return (
    <Box sx={{ display: 'flex', minHeight: '100vh' }}>
      <AppBar sx={{ zIndex: (theme) => theme.zIndex.drawer + 1 }}>
        <Toolbar sx={{ gap: 2 }}>
          <Typography variant="h6" component="p" sx={{ flexGrow: 1, color: 'primary.main', fontWeight: 700 }}>
            Gatehouse
          </Typography>
          <UserBadge />
          <ThemeToggle />
          <Button variant="outlined" color="inherit" onClick={() => void logout()}>
            Sign out
          </Button>
        </Toolbar>
      </AppBar>
      <Drawer variant="permanent" sx={{ width: navWidth, flexShrink: 0, '& .MuiDrawer-paper': { width: navWidth } }}>
        <Toolbar />
        <NavList pages={pages} current={current} />
      </Drawer>
      <Box component="main" sx={{ flexGrow: 1, minWidth: 0, p: 3 }}>
        <Toolbar />
        {View ? <View key={current?.id} /> : null}
      </Box>
    </Box>
  )
}
