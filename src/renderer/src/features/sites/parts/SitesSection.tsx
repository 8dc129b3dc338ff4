import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import Typography from '@mui/material/Typography'
import { useEffect } from 'react'
import { ProblemAlert } from '../../../ui/ProblemAlert'
import { profileLabel } from '../../permits/permit-record'
import { useMayCall } from '../../session/use-access'
import { useSites } from '../use-sites'
import { RemoveDemoDialog } from './RemoveDemoDialog'
import { SiteDialog } from './SiteDialog'

/** The Admin page's sites: code, name, limit profile, how fresh a test must be, and their access settings. */
export function SitesSection() {
  const open = useSites((state) => state.open)
  const sites = useSites((state) => state.sites)
  const problem = useSites((state) => state.problem)
  const dialog = useSites((state) => state.dialog)
  const openDialog = useSites((state) => state.openDialog)
  const mayRemoveDemo = useMayCall('demo.remove')
  useEffect(() => open(), [open])
  return (
    <>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mt: 4, mb: 1 }}>
        <Typography variant="h2">Sites</Typography>
        <Button variant="contained" onClick={() => openDialog({ kind: 'create' })}>
          New site
        </Button>
      </Stack>
      <ProblemAlert message={problem} />
      <TableContainer component={Paper} variant="outlined">
        <Table aria-label="Sites">
          <TableHead>
            <TableRow>
              <TableCell>Code</TableCell>
              <TableCell>Name</TableCell>
              <TableCell>Limit profile</TableCell>
              <TableCell>Test freshness</TableCell>
              <TableCell>Stale feed after</TableCell>
              <TableCell>Entry needs grant</TableCell>
              <TableCell>Space requests expire</TableCell>
              <TableCell>Raw readings kept</TableCell>
              <TableCell align="right">Actions</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {sites.map((site) => (
              <TableRow key={site.id}>
                <TableCell sx={{ fontWeight: 700 }}>{site.code}</TableCell>
                <TableCell>
                  {site.name} {site.isDemo ? <Chip size="small" label="Demo" /> : null}
                </TableCell>
                <TableCell>{profileLabel(site.limitProfile)}</TableCell>
                <TableCell>{site.maxTestAgeMinutes} min</TableCell>
                <TableCell>{site.maxReadingGapSeconds} s</TableCell>
                <TableCell>{site.entryRequiresGrant ? 'Yes' : 'No'}</TableCell>
                <TableCell>after {site.pendingRequestDays} d</TableCell>
                <TableCell>{site.rawReadingDays} d after close</TableCell>
                <TableCell align="right">
                  <Button
                    size="small"
                    variant="outlined"
                    aria-label={`Edit site ${site.code}`}
                    onClick={() => openDialog({ kind: 'edit', site })}
                  >
                    Edit
                  </Button>
                  {site.isDemo && mayRemoveDemo ? (
                    <Button
                      size="small"
                      variant="outlined"
                      color="error"
                      sx={{ ml: 1 }}
                      onClick={() => openDialog({ kind: 'removeDemo', site })}
                    >
                      Remove demo site
                    </Button>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
            {sites.length === 0 ? (
              <TableRow>
                <TableCell colSpan={8}>No sites yet.</TableCell>
              </TableRow>
            ) : null}
          </TableBody>
        </Table>
      </TableContainer>
      {dialog?.kind === 'removeDemo' ? <RemoveDemoDialog site={dialog.site} /> : null}
      {dialog && dialog.kind !== 'removeDemo' ? (
        <SiteDialog
          key={dialog.kind === 'edit' ? dialog.site.id : 'new'}
          site={dialog.kind === 'edit' ? dialog.site : null}
        />
      ) : null}
    </>
  )
}
