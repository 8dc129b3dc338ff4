import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import LinearProgress from '@mui/material/LinearProgress'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import { spaceClassificationLabels } from '../../../../../shared/contract/spaces'
import type { SpaceDto } from '../../../../../shared/contract/spaces'
import { useMayCall } from '../../session/use-access'
import { useSpaces } from '../use-spaces'
import { TablePager } from '../../../ui/TablePager'
import { SpaceAvailability } from './SpaceAvailability'

function SpaceActions({ space }: { space: SpaceDto }) {
  const openDialog = useSpaces((state) => state.openDialog)
  const mayEdit = useMayCall('spaces.update')
  const mayRetire = useMayCall('spaces.retire')
  if (space.retiredAt !== null) return null
  return (
    <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
      {mayEdit ? (
        <Button
          size="small"
          variant="outlined"
          aria-label={`Edit ${space.tag}`}
          onClick={() => openDialog({ kind: 'edit', space })}
        >
          Edit
        </Button>
      ) : null}
      {mayRetire ? (
        <Button
          size="small"
          variant="outlined"
          color="error"
          aria-label={`Retire ${space.tag}`}
          onClick={() => openDialog({ kind: 'retire', space })}
        >
          Retire
        </Button>
      ) : null}
    </Stack>
  )
}

export function SpacesTable() {
  const spaces = useSpaces((state) => state.spaces)
  const loading = useSpaces((state) => state.loading)
  const total = useSpaces((state) => state.total)
  const offset = useSpaces((state) => state.offset)
  const limit = useSpaces((state) => state.limit)
  const setPage = useSpaces((state) => state.setPage)
  const setLimit = useSpaces((state) => state.setLimit)
  return (
    <Paper variant="outlined">
      {loading ? <LinearProgress aria-label="Loading spaces" /> : null}
      <TableContainer>
        <Table aria-label="Spaces">
          <TableHead>
            <TableRow>
              <TableCell>Tag</TableCell>
              <TableCell>Name</TableCell>
              <TableCell>Site</TableCell>
              <TableCell>Location</TableCell>
              <TableCell>Classification</TableCell>
              <TableCell>Availability</TableCell>
              <TableCell>Hazard notes</TableCell>
              <TableCell align="right">Actions</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {spaces.map((space) => (
              <TableRow key={space.id}>
                <TableCell sx={{ fontWeight: 700 }}>{space.tag}</TableCell>
                <TableCell>{space.name}</TableCell>
                <TableCell>{space.siteName}</TableCell>
                <TableCell>{space.location}</TableCell>
                <TableCell>{spaceClassificationLabels[space.classification]}</TableCell>
                <TableCell>
                  {space.retiredAt === null ? (
                    <SpaceAvailability space={space} />
                  ) : (
                    <Chip size="small" variant="outlined" label="Retired" />
                  )}
                </TableCell>
                <TableCell>{space.hazardNotes}</TableCell>
                <TableCell>
                  <SpaceActions space={space} />
                </TableCell>
              </TableRow>
            ))}
            {spaces.length === 0 && !loading ? (
              <TableRow>
                <TableCell colSpan={8}>No spaces match.</TableCell>
              </TableRow>
            ) : null}
          </TableBody>
        </Table>
      </TableContainer>
      <TablePager total={total} offset={offset} limit={limit} onPage={setPage} onLimit={setLimit} />
    </Paper>
  )
}
