import Button from '@mui/material/Button'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { formatShortTime } from '../../../format/time'
import { SecondaryText } from '../../access/parts/SecondaryText'
import { useMayCall } from '../../session/use-access'
import { useReviews } from '../use-reviews'
import { ReviewDecisions } from './ReviewDecisions'
import { UndecidedGrants } from './UndecidedGrants'

/** One review: the grants left to decide, what was decided, and closing it once nothing is left. */
export function ReviewDetail() {
  const review = useReviews((state) => state.reviews.find((candidate) => candidate.id === state.selectedReviewId))
  const saving = useReviews((state) => state.saving)
  const close = useReviews((state) => state.close)
  const mayDecide = useMayCall('access.reviewDecide')
  if (!review) return null
  const open = review.closedAt === null
  return (
    <Paper component="section" variant="outlined" aria-labelledby="review-heading" sx={{ p: 2, minWidth: 0 }}>
      <Stack direction="row" spacing={2} sx={{ justifyContent: 'space-between', alignItems: 'flex-start', mb: 2 }}>
        <div>
          <Typography id="review-heading" variant="h2">
            Review #{review.id} of {review.resource.key}
          </Typography>
          <SecondaryText>
            {review.resource.name} · started {formatShortTime(review.startedAt)} by {review.startedBy.name}
            {review.closedAt !== null ? ` · closed ${formatShortTime(review.closedAt)}` : ''}
          </SecondaryText>
        </div>
        {open && mayDecide ? (
          <Button
            variant="contained"
            disabled={saving || review.undecided.length > 0}
            onClick={() => void close()}
            title={review.undecided.length > 0 ? 'Decide every grant first' : undefined}
          >
            Close review
          </Button>
        ) : null}
      </Stack>
      {open ? (
        <>
          <Typography variant="h3" component="h3" sx={{ mb: 1 }}>
            To decide ({review.undecided.length})
          </Typography>
          <UndecidedGrants review={review} mayDecide={mayDecide} />
        </>
      ) : null}
      <Typography variant="h3" component="h3" sx={{ mt: 3, mb: 1 }}>
        Decided ({review.decisions.length})
      </Typography>
      <ReviewDecisions review={review} />
    </Paper>
  )
}
