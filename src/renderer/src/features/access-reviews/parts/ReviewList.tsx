import List from '@mui/material/List'
import ListItemButton from '@mui/material/ListItemButton'
import ListItemText from '@mui/material/ListItemText'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import type { ReviewDto } from '../../../../../shared/contract/access'
import { formatShortTime } from '../../../format/time'
import { SeverityChip } from '../../../ui/SeverityChip'
import { useReviews } from '../use-reviews'

const toDecide = (review: ReviewDto): string =>
  review.undecided.length === 0 ? 'all decided' : `${String(review.undecided.length)} to decide`

/** Reviews, open first: which resource, where it stands, who started it. */
export function ReviewList() {
  const reviews = useReviews((state) => state.reviews)
  const loaded = useReviews((state) => state.loaded)
  const selectedReviewId = useReviews((state) => state.selectedReviewId)
  const selectReview = useReviews((state) => state.selectReview)
  return (
    <Paper
      variant="outlined"
      component="nav"
      aria-label="Reviews"
      sx={{ maxHeight: { xs: 240, xl: 'none' }, overflowY: 'auto' }}
    >
      <List dense disablePadding>
        {reviews.map((review) => (
          <ListItemButton
            key={review.id}
            selected={review.id === selectedReviewId}
            aria-current={review.id === selectedReviewId ? 'true' : undefined}
            onClick={() => selectReview(review.id)}
            sx={{ mx: 0, borderRadius: 0, alignItems: 'flex-start' }}
          >
            <ListItemText
              primary={
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center', justifyContent: 'space-between' }}>
                  <span>{review.resource.key}</span>
                  {review.closedAt === null ? (
                    <SeverityChip severity="medium" label="Open" />
                  ) : (
                    <SeverityChip severity="low" label="Closed" />
                  )}
                </Stack>
              }
              secondary={
                <>
                  #{review.id} ·{' '}
                  {review.closedAt === null ? toDecide(review) : `closed ${formatShortTime(review.closedAt)}`}
                  <br />
                  started {formatShortTime(review.startedAt)} by {review.startedBy.name}
                </>
              }
              slotProps={{ secondary: { sx: { color: 'text.secondary' } } }}
            />
          </ListItemButton>
        ))}
      </List>
      {loaded && reviews.length === 0 ? (
        <Typography sx={{ p: 2 }}>No reviews yet. Start one to go through who holds a resource.</Typography>
      ) : null}
    </Paper>
  )
}
