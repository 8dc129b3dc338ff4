import GlobalStyles from '@mui/material/GlobalStyles'

/** Parts of the screen that paper does not need: the frame, the menu, buttons around a document. */
export const printHidden = 'gh-print-hidden'

/** A block that must not be split across two pages. */
export const printKeepTogether = 'gh-print-keep-together'

// Printed on paper at the portal (1910.146(e)(3)): black on white, no frame, no split sections.
const printRules = {
  '@page': { margin: '12mm' },
  '@media print': {
    [`.${printHidden}`]: { display: 'none !important' },
    'html, body': { background: '#ffffff !important', color: '#000000 !important' },
    main: { padding: '0 !important' },
    [`.${printKeepTogether}`]: { breakInside: 'avoid', pageBreakInside: 'avoid' },
    'h1, h2, h3': { breakAfter: 'avoid', pageBreakAfter: 'avoid' },
  },
} as const

export function PrintStyles() {
  return <GlobalStyles styles={printRules} />
}
