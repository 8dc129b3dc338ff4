import { alpha, createTheme } from '@mui/material/styles'
import type { PaletteOptions, Theme } from '@mui/material/styles'
import { severityPalettes } from './severity-palette'
import type { ThemeMode } from './theme-store'

// Control-room palette: near-black surfaces, near-white text and saturated status colours keep
// every pairing above WCAG AA, so the board stays readable from across the room.
// test/renderer/severity-contrast.test.ts checks every pairing the console draws.
const darkPalette: PaletteOptions = {
  mode: 'dark',
  primary: { main: '#ffc629', contrastText: '#111111' },
  secondary: { main: '#5cc8ff', contrastText: '#0a0e13' },
  // Light status colours carry dark text: white on them stays under 3:1.
  error: { main: '#ff6b6b', contrastText: '#111111' },
  warning: { main: '#ffb347', contrastText: '#111111' },
  success: { main: '#5fd068', contrastText: '#111111' },
  info: { main: '#6cb8ff', contrastText: '#111111' },
  background: { default: '#0a0e13', paper: '#131a23' },
  text: { primary: '#f3f6f9', secondary: '#c2ccd6' },
  divider: 'rgba(255, 255, 255, 0.22)',
}

const lightPalette: PaletteOptions = {
  mode: 'light',
  primary: { main: '#0f4c91', contrastText: '#ffffff' },
  secondary: { main: '#006680', contrastText: '#ffffff' },
  // MUI's own warning (#ed6c02) and info (#0288d1) carry white text at 3.1:1 and 4.1:1; these
  // darker ones reach AA with white text on a chip and as text on the page.
  error: { main: '#b71c1c', contrastText: '#ffffff' },
  warning: { main: '#a05a00', contrastText: '#ffffff' },
  success: { main: '#1b5e20', contrastText: '#ffffff' },
  info: { main: '#0a5fa3', contrastText: '#ffffff' },
  background: { default: '#eef1f5', paper: '#ffffff' },
  text: { primary: '#0b1520', secondary: '#35424f' },
  divider: 'rgba(0, 0, 0, 0.2)',
}

export function createGatehouseTheme(mode: ThemeMode): Theme {
  const base = createTheme({
    palette: { ...(mode === 'dark' ? darkPalette : lightPalette), severity: severityPalettes[mode] },
    shape: { borderRadius: 8 },
    typography: {
      fontFamily: 'Roboto, system-ui, sans-serif',
      fontSize: 16,
      h1: { fontSize: '2.25rem', fontWeight: 600, lineHeight: 1.2 },
      h2: { fontSize: '1.625rem', fontWeight: 600, lineHeight: 1.25 },
      h3: { fontSize: '1.375rem', fontWeight: 600, lineHeight: 1.3 },
      button: { textTransform: 'none', fontWeight: 600 },
    },
  })
  const { palette } = base

  return createTheme(base, {
    components: {
      MuiCssBaseline: {
        // Every link shows where the keyboard is, as buttons do (WCAG 2.4.7).
        styleOverrides: {
          'a:focus-visible': { outline: `3px solid ${palette.secondary.main}`, outlineOffset: 2, borderRadius: 2 },
        },
      },
      MuiPaper: {
        // The dark-mode elevation overlay lowers contrast; borders separate surfaces instead.
        styleOverrides: { root: { backgroundImage: 'none' } },
      },
      MuiAppBar: {
        defaultProps: { elevation: 0, color: 'inherit', position: 'fixed' },
        styleOverrides: {
          root: { backgroundColor: palette.background.paper, borderBottom: `1px solid ${palette.divider}` },
        },
      },
      MuiDrawer: {
        styleOverrides: { paper: { borderRight: `1px solid ${palette.divider}` } },
      },
      MuiButtonBase: {
        styleOverrides: {
          root: {
            '&.Mui-focusVisible': { outline: `3px solid ${palette.secondary.main}`, outlineOffset: 2 },
          },
        },
      },
      MuiButton: {
        defaultProps: { disableElevation: true },
        styleOverrides: { root: { minHeight: 44, paddingInline: 20 } },
      },
      MuiTextField: {
        defaultProps: { fullWidth: true, margin: 'normal' },
      },
      MuiAlert: {
        defaultProps: { variant: 'outlined' },
        styleOverrides: { root: { fontSize: '1rem', alignItems: 'center' } },
        // MUI fills a dark-theme alert with a darkened colour (black on muted red, 3.7:1); a
        // filled alert takes its severity's own fill and text, at AA in both themes.
        variants: (
          [
            ['error', palette.severity.high],
            ['warning', palette.severity.medium],
            ['success', palette.severity.ok],
            ['info', { fill: palette.info.main, onFill: palette.info.contrastText }],
          ] as const
        ).map(([severity, tone]) => ({
          props: { variant: 'filled', severity },
          style: { backgroundColor: tone.fill, color: tone.onFill },
        })),
      },
      MuiToggleButton: {
        // MUI draws an unselected toggle in action.active, 4.4:1 on the light page; text.secondary reaches AA.
        styleOverrides: { root: { color: palette.text.secondary } },
      },
      MuiListItemButton: {
        styleOverrides: {
          root: {
            borderRadius: 8,
            marginInline: 8,
            minHeight: 52,
            '&.Mui-selected': {
              backgroundColor: alpha(palette.primary.main, 0.18),
              boxShadow: `inset 4px 0 0 ${palette.primary.main}`,
            },
          },
        },
      },
      MuiListItemText: {
        styleOverrides: { primary: { fontSize: '1.125rem', fontWeight: 500 } },
      },
      MuiTableCell: {
        styleOverrides: {
          root: { fontSize: '1rem', borderBottomColor: palette.divider },
          // A heading wraps rather than push the table past its container ("Space requests / expire").
          head: { fontWeight: 700, color: palette.text.secondary },
        },
      },
      MuiTableContainer: {
        // Where a table is still wider than its place, the way to the rest shows (no overlay scrollbar that hides).
        styleOverrides: { root: { scrollbarWidth: 'thin', scrollbarColor: `${palette.text.secondary} transparent` } },
      },
      MuiDialog: {
        defaultProps: { fullWidth: true, maxWidth: 'sm' },
      },
      MuiDialogActions: {
        styleOverrides: { root: { padding: '12px 24px 20px' } },
      },
    },
  })
}
