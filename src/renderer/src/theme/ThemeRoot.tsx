import CssBaseline from '@mui/material/CssBaseline'
import { ThemeProvider } from '@mui/material/styles'
import { useMemo } from 'react'
import type { ReactNode } from 'react'
import { useStore } from 'zustand'
import { useStores } from '../app/stores-context'
import { createGatehouseTheme } from './create-theme'
import { PrintStyles } from './PrintStyles'

export function ThemeRoot({ children }: { children: ReactNode }) {
  const mode = useStore(useStores().theme, (state) => state.mode)
  const theme = useMemo(() => createGatehouseTheme(mode), [mode])
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline enableColorScheme />
      <PrintStyles />
      {children}
    </ThemeProvider>
  )
}
