import DarkModeIcon from '@mui/icons-material/DarkMode'
import LightModeIcon from '@mui/icons-material/LightMode'
import IconButton from '@mui/material/IconButton'
import Tooltip from '@mui/material/Tooltip'
import { useStore } from 'zustand'
import { useStores } from '../app/stores-context'

export function ThemeToggle() {
  const store = useStores().theme
  const mode = useStore(store, (state) => state.mode)
  const toggle = useStore(store, (state) => state.toggle)
  const label = mode === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'
  return (
    <Tooltip title={label}>
      <IconButton color="inherit" aria-label={label} onClick={toggle}>
        {mode === 'dark' ? <LightModeIcon /> : <DarkModeIcon />}
      </IconButton>
    </Tooltip>
  )
}
