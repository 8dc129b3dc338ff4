import Button from '@mui/material/Button'
import Checkbox from '@mui/material/Checkbox'
import FormControlLabel from '@mui/material/FormControlLabel'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import Typography from '@mui/material/Typography'
import type { ReviewDto } from '../../../../../shared/contract/access'
import { formatShortTime } from '../../../format/time'
import { ClampedText } from '../../access/parts/ClampedText'
import { SecondaryText } from '../../access/parts/SecondaryText'
import { useReviews } from '../use-reviews'

/** The grants still to decide, each kept, shortened or revoked, or several at once. */
export function UndecidedGrants({ review, mayDecide }: { review: ReviewDto; mayDecide: boolean }) {
  const ticked = useReviews((state) => state.ticked)
  const saving = useReviews((state) => state.saving)
  const tick = useReviews((state) => state.tick)
  const tickAll = useReviews((state) => state.tickAll)
  const keep = useReviews((state) => state.keep)
  const openDialog = useReviews((state) => state.openDialog)
  const ids = review.undecided.map((grant) => grant.id)
  const allTicked = ids.length > 0 && ids.every((id) => ticked.includes(id))
  return (
    <>
      {mayDecide ? (
        <Stack
          direction="row"
          spacing={1}
          useFlexGap
          sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 1, minHeight: 44 }}
        >
          <Typography sx={{ mr: 1 }}>{ticked.length} selected</Typography>
          <Button variant="outlined" disabled={ticked.length === 0 || saving} onClick={() => void keep(ticked)}>
            Keep selected
          </Button>
          <Button
            variant="outlined"
            color="error"
            disabled={ticked.length === 0 || saving}
            onClick={() => openDialog({ kind: 'revoke', grantIds: ticked })}
          >
            Revoke selected
          </Button>
        </Stack>
      ) : null}
      <TableContainer component={Paper} variant="outlined">
        <Table size="small" aria-label="Grants to decide">
          <TableHead>
            <TableRow>
              {mayDecide ? (
                <TableCell padding="checkbox" sx={{ whiteSpace: 'nowrap' }}>
                  <FormControlLabel
                    label="Select all"
                    sx={{ mr: 1 }}
                    control={
                      <Checkbox
                        checked={allTicked}
                        indeterminate={!allTicked && ticked.length > 0}
                        disabled={ids.length === 0}
                        onChange={(event) => tickAll(ids, event.target.checked)}
                      />
                    }
                  />
                </TableCell>
              ) : null}
              <TableCell>Holder</TableCell>
              <TableCell>Level</TableCell>
              <TableCell>Valid until</TableCell>
              <TableCell>Last used</TableCell>
              <TableCell sx={{ width: '32%' }}>Justification</TableCell>
              {mayDecide ? <TableCell align="right">Decide</TableCell> : null}
            </TableRow>
          </TableHead>
          <TableBody>
            {review.undecided.map((grant) => (
              <TableRow key={grant.id} selected={ticked.includes(grant.id)}>
                {mayDecide ? (
                  <TableCell padding="checkbox">
                    {/* Seen as "Select"; heard with whose grant it is, the visible word first. */}
                    <FormControlLabel
                      label="Select"
                      sx={{ mr: 1 }}
                      control={
                        <Checkbox
                          checked={ticked.includes(grant.id)}
                          onChange={(event) => tick(grant.id, event.target.checked)}
                          slotProps={{
                            input: { 'aria-label': `Select ${grant.holder.name}’s grant #${String(grant.id)}` },
                          }}
                        />
                      }
                    />
                  </TableCell>
                ) : null}
                <TableCell>
                  <Typography sx={{ fontWeight: 600, whiteSpace: 'nowrap' }}>{grant.holder.name}</Typography>
                  <SecondaryText>grant #{grant.id}</SecondaryText>
                </TableCell>
                <TableCell>{grant.level}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {formatShortTime(grant.validTo)}
                  <SecondaryText>from {formatShortTime(grant.validFrom)}</SecondaryText>
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  {grant.lastUsedAt === null ? 'Never' : formatShortTime(grant.lastUsedAt)}
                </TableCell>
                <TableCell>
                  <ClampedText text={grant.justification || '—'} />
                </TableCell>
                {mayDecide ? (
                  <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                    <Stack direction="row" spacing={1} sx={{ justifyContent: 'flex-end' }}>
                      <Button
                        size="small"
                        variant="outlined"
                        disabled={saving}
                        aria-label={`Keep ${grant.holder.name}’s grant #${String(grant.id)}`}
                        onClick={() => void keep([grant.id])}
                      >
                        Keep
                      </Button>
                      <Button
                        size="small"
                        variant="outlined"
                        aria-label={`Shorten ${grant.holder.name}’s grant #${String(grant.id)}`}
                        onClick={() => openDialog({ kind: 'shorten', grantIds: [grant.id] })}
                      >
                        Shorten
                      </Button>
                      <Button
                        size="small"
                        variant="outlined"
                        color="error"
                        aria-label={`Revoke ${grant.holder.name}’s grant #${String(grant.id)}`}
                        onClick={() => openDialog({ kind: 'revoke', grantIds: [grant.id] })}
                      >
                        Revoke
                      </Button>
                    </Stack>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
            {review.undecided.length === 0 ? (
              <TableRow>
                <TableCell colSpan={mayDecide ? 7 : 5}>Every grant is decided.</TableCell>
              </TableRow>
            ) : null}
          </TableBody>
        </Table>
      </TableContainer>
    </>
  )
}
