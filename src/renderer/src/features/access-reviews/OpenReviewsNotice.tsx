import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Button from '@mui/material/Button'
import { useEffect } from 'react'
import { reviewHref, useAccessView } from '../access/access-route'
import { useReviews } from './use-reviews'

/** On an owner's landing page: the access reviews still open on resources they keep. */
export function OpenReviewsNotice() {
  const open = useReviews((state) => state.open)
  const reviews = useReviews((state) => state.reviews)
  const view = useAccessView()
  const onReviews = view.kind === 'tab' && view.tab === 'reviews'
  useEffect(() => (onReviews ? undefined : open()), [open, onReviews])
  const waiting = reviews.filter((review) => review.closedAt === null)
  const first = waiting[0]
  if (onReviews || !first) return null
  return (
    <Alert
      severity="info"
      sx={{ mb: 3 }}
      action={
        <Button color="inherit" variant="outlined" href={reviewHref(first.id)}>
          Open reviews
        </Button>
      }
    >
      <AlertTitle sx={{ fontWeight: 700 }}>
        {waiting.length === 1 ? 'An access review is open' : `${String(waiting.length)} access reviews are open`}
      </AlertTitle>
      {waiting.map((review) => `${review.resource.key} (${String(review.undecided.length)} to decide)`).join(', ')}
    </Alert>
  )
}
