import Button from '@mui/material/Button'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import Typography from '@mui/material/Typography'
import type { ResourceDto } from '../../../../../shared/contract/access'
import { formatShortTime } from '../../../format/time'
import { SeverityChip } from '../../../ui/SeverityChip'
import { formatHours, resourceKindLabels, riskTierLabels } from '../../access/access-labels'
import { ClampedText } from '../../access/parts/ClampedText'
import { SecondaryText } from '../../access/parts/SecondaryText'
import { useCatalogue } from '../use-catalogue'

const names = (people: readonly { name: string }[]) => people.map((person) => person.name).join(', ') || '—'

function ResourceActions({ resource }: { resource: ResourceDto }) {
  const openDialog = useCatalogue((state) => state.openDialog)
  if (resource.retiredAt !== null) return null
  if (resource.kind === 'space') return <SecondaryText>Kept with its space</SecondaryText>
  return (
    <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
      <Button
        size="small"
        variant="outlined"
        aria-label={`Edit ${resource.key}`}
        onClick={() => openDialog({ kind: 'edit', resource })}
      >
        Edit
      </Button>
      <Button
        size="small"
        variant="outlined"
        color="error"
        aria-label={`Retire ${resource.key}`}
        onClick={() => openDialog({ kind: 'retire', resource })}
      >
        Retire
      </Button>
    </Stack>
  )
}

export function CatalogueTable({ resources, loaded }: { resources: readonly ResourceDto[]; loaded: boolean }) {
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label="Catalogue">
        <TableHead>
          <TableRow>
            <TableCell>Resource</TableCell>
            <TableCell sx={{ width: '24%' }}>Description</TableCell>
            <TableCell>Levels</TableCell>
            <TableCell>Risk, longest grant, review</TableCell>
            <TableCell>Owners</TableCell>
            <TableCell>Approvers</TableCell>
            <TableCell align="right">Actions</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {resources.map((resource) => (
            <TableRow key={resource.id}>
              <TableCell>
                <Typography sx={{ fontWeight: 700, whiteSpace: 'nowrap' }}>{resource.key}</Typography>
                <SecondaryText>
                  {resource.name} · {resourceKindLabels[resource.kind]}
                </SecondaryText>
                {resource.retiredAt !== null ? (
                  <SeverityChip severity="low" label={`Retired ${formatShortTime(resource.retiredAt)}`} />
                ) : null}
              </TableCell>
              <TableCell>
                <ClampedText text={resource.description || '—'} />
              </TableCell>
              <TableCell>{resource.levels.join(', ')}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {resource.riskTier === 'high' ? (
                  <SeverityChip severity="medium" label={riskTierLabels.high} />
                ) : (
                  <Typography>{riskTierLabels.standard}</Typography>
                )}
                <SecondaryText>up to {formatHours(resource.maxDurationHours)}</SecondaryText>
                <SecondaryText>reviewed every {resource.reviewEveryDays} d</SecondaryText>
              </TableCell>
              <TableCell>{resource.approverRole ? 'Site supervisors' : names(resource.owners)}</TableCell>
              <TableCell>{resource.approverRole ? 'Site supervisors' : names(resource.approvers)}</TableCell>
              <TableCell align="right">
                <ResourceActions resource={resource} />
              </TableCell>
            </TableRow>
          ))}
          {resources.length === 0 ? (
            <TableRow>
              <TableCell colSpan={7}>{loaded ? 'No resources match.' : 'Loading the catalogue…'}</TableCell>
            </TableRow>
          ) : null}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
