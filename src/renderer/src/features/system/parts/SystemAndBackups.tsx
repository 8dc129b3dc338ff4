import Box from '@mui/material/Box'
import { useEffect } from 'react'
import { useSystem } from '../use-system'
import { BackupsSection } from './BackupsSection'
import { SystemSection } from './SystemSection'

/** The Admin page's system information and backups, loaded together while the page is open. */
export function SystemAndBackups() {
  const open = useSystem((state) => state.open)
  useEffect(() => open(), [open])
  return (
    <Box sx={{ mt: 4 }}>
      <SystemSection />
      <BackupsSection />
    </Box>
  )
}
