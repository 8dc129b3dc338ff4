import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'
import { ThemeProvider } from '@mui/material/styles'
import type { ReactNode } from 'react'
import type { PermitDetailDto } from '../../../../../shared/contract/permits'
import { permitStateLabels } from '../../../../../shared/domain/permit-lifecycle'
import { formatTime } from '../../../format/time'
import { printTheme } from '../../../theme/print-theme'
import { printKeepTogether } from '../../../theme/PrintStyles'
import { closeOutOf } from '../../permits/close-out'
import { permitFieldLabel } from '../../permits/permit-record'
import { CloseOutRecord } from '../../permits/parts/CloseOutRecord'
import { PermitRecord } from '../../permits/parts/PermitRecord'
import { TestsTable } from '../../permits/parts/TestsTable'
import { evacuationSteps } from '../evacuation-steps'
import { EvacuationRecord } from './EvacuationRecord'
import { SignatureBlock } from './SignatureBlock'

const testsNote = (count: number): string =>
  count === 0 ? 'None recorded yet.' : `${String(count)} recorded, listed below with tester and time.`

function PrintSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Box component="section" className={printKeepTogether} sx={{ mt: 2 }}>
      <Typography variant="h2" sx={{ borderBottom: '2px solid #000', mb: 1 }}>
        {title}
      </Typography>
      {children}
    </Box>
  )
}

/** The permit as posted at the portal (1910.146(e)(3)): every (f) field, the signature, the tests. */
export function PrintDocument({ detail, printedAt }: { detail: PermitDetailDto; printedAt: number }) {
  const { card } = detail
  const evacuations = evacuationSteps(detail.timeline)
  return (
    <ThemeProvider theme={printTheme}>
      <Box
        component="article"
        aria-label={`Printable permit ${card.number}`}
        sx={{
          bgcolor: '#ffffff',
          color: '#000000',
          p: { xs: 2, sm: 4 },
          maxWidth: '210mm',
          fontSize: '10.5pt',
          '& .MuiTableCell-root': { fontSize: '9.5pt' },
          mx: 'auto',
          '@media print': { p: 0 },
        }}
      >
        <Typography variant="h1">Confined space entry permit {card.number}</Typography>
        <Typography sx={{ fontSize: '1.125rem', fontWeight: 700 }}>
          {card.spaceTag} — {card.spaceName}. State: {permitStateLabels[card.state]}.
        </Typography>
        <Typography variant="body2">
          Printed {formatTime(printedAt)}. Post at the entry portal for the duration of the entry. OSHA 29 CFR
          1910.146(f).
        </Typography>
        <PrintSection title="Permit">
          <PermitRecord detail={detail} tests={testsNote(detail.tests.length)} />
        </PrintSection>
        <PrintSection title={permitFieldLabel(10)}>
          <TestsTable tests={detail.tests} plain />
        </PrintSection>
        <PrintSection title="Signatures">
          <SignatureBlock detail={detail} />
        </PrintSection>
        {evacuations.length > 0 ? (
          <PrintSection title="Evacuations and corrections">
            <EvacuationRecord steps={evacuations} />
          </PrintSection>
        ) : null}
        {closeOutOf(detail) ? (
          <PrintSection title="Close-out record">
            <CloseOutRecord detail={detail} />
          </PrintSection>
        ) : null}
      </Box>
    </ThemeProvider>
  )
}
