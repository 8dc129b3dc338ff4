import { createTheme } from '@mui/material/styles'
import type { Theme } from '@mui/material/styles'
import { severityPalettes } from './severity-palette'

/** Paper is white and ink is black, whatever theme the screen uses. */
export const printTheme: Theme = createTheme({
  palette: {
    mode: 'light',
    text: { primary: '#000000', secondary: '#222222' },
    background: { default: '#ffffff', paper: '#ffffff' },
    divider: '#000000',
    severity: severityPalettes.light,
  },
  typography: {
    fontFamily: 'Roboto, system-ui, sans-serif',
    fontSize: 13,
    h1: { fontSize: '1.75rem', fontWeight: 700 },
    h2: { fontSize: '1.25rem', fontWeight: 700 },
  },
  components: {
    MuiTableCell: { styleOverrides: { root: { borderBottomColor: '#000000', padding: '4px 8px' } } },
  },
})
