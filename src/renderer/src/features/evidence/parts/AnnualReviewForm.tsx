import Button from '@mui/material/Button'
import MenuItem from '@mui/material/MenuItem'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { useEffect, useState } from 'react'
import { workstationZone } from '../../../format/time'
import { Section } from '../../../ui/Section'
import { useSites } from '../../sites/use-sites'
import { useEvidence } from '../use-evidence'
import { PackResult } from './PackResult'

const allSites = 'all'

/** The annual programme review: a year of this workstation's calendar, one site or all, written as one archive. */
export function AnnualReviewForm() {
  const openSites = useSites((state) => state.open)
  const sites = useSites((state) => state.sites)
  const writing = useEvidence((state) => state.writing === 'annual')
  const annualReview = useEvidence((state) => state.annualReview)
  const [year, setYear] = useState(() => String(new Date().getFullYear()))
  const [site, setSite] = useState(allSites)
  useEffect(() => openSites(), [openSites])
  const yearNumber = Number(year)
  const yearProblem =
    /^\d{4}$/.test(year) && yearNumber >= 2000 && yearNumber <= 2100 ? null : 'A year from 2000 to 2100'
  return (
    <Section title="Annual programme review">
      <Typography sx={{ mb: 2 }}>
        Every permit closed or cancelled in the year, from midnight of January 1 to the next in this workstation’s zone
        ({workstationZone()}), with the problems noted at close-out, entries refused, evacuations, alarms and the shifts
        whose exposure (8 h TWA, 15 min STEL) went over a limit: a readable report and its data as CSV, in one archive,
        with a signed audit checkpoint.
      </Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'flex-start', mb: 2 }}>
        <TextField
          label="Year"
          value={year}
          onChange={(event) => setYear(event.target.value)}
          error={yearProblem !== null}
          helperText={yearProblem ?? ' '}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          sx={{ width: 140 }}
        />
        <TextField
          select
          label="Site"
          value={site}
          onChange={(event) => setSite(event.target.value)}
          sx={{ minWidth: 220 }}
        >
          <MenuItem value={allSites}>All sites</MenuItem>
          {sites.map((s) => (
            <MenuItem key={s.id} value={String(s.id)}>
              {s.code} {s.name}
            </MenuItem>
          ))}
        </TextField>
        <Button
          variant="contained"
          disabled={yearProblem !== null || writing}
          onClick={() => void annualReview(yearNumber, site === allSites ? null : Number(site))}
          sx={{ mt: 1, flexShrink: 0, whiteSpace: 'nowrap' }}
        >
          {writing ? 'Writing…' : 'Write the review pack'}
        </Button>
      </Stack>
      <PackResult kind="annual" />
    </Section>
  )
}
