import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useEffect, useMemo } from 'react'
import { ProblemAlert } from '../../ui/ProblemAlert'
import { useResources } from '../access-catalogue/use-catalogue'
import { keeps } from '../access/access-keeping'
import { NoticeAlert } from '../access/parts/NoticeAlert'
import { useMayCall } from '../session/use-access'
import { useSession } from '../session/use-session'
import { ReviewDetail } from './parts/ReviewDetail'
import { ReviewDialogs } from './parts/ReviewDialogs'
import { ReviewList } from './parts/ReviewList'
import { useReviews } from './use-reviews'

/** Access reviews: owners go through who holds their resources, grant by grant, and close the review. */
export function AccessReviews({ focusReviewId }: { focusReviewId: number | null }) {
  const open = useReviews((state) => state.open)
  const reviews = useReviews((state) => state.reviews)
  const problem = useReviews((state) => state.problem)
  const notice = useReviews((state) => state.notice)
  const dismissNotice = useReviews((state) => state.dismissNotice)
  const openDialog = useReviews((state) => state.openDialog)
  const selectReview = useReviews((state) => state.selectReview)
  const loaded = useReviews((state) => state.loaded)
  const mayStart = useMayCall('access.startReview')
  const user = useSession((state) => state.user)
  const { open: resources } = useResources()
  useEffect(() => open(), [open])
  useEffect(() => {
    if (loaded && focusReviewId !== null) selectReview(focusReviewId)
  }, [loaded, focusReviewId, selectReview])
  const startable = useMemo(() => {
    const underReview = new Set(
      reviews.filter((review) => review.closedAt === null).map((review) => review.resource.id),
    )
    return user ? resources.filter((resource) => keeps(resource, user) && !underReview.has(resource.id)) : []
  }, [reviews, resources, user])
  return (
    <>
      <Stack direction="row" sx={{ justifyContent: 'space-between', alignItems: 'center', mb: 2 }}>
        <Typography sx={{ color: 'text.secondary' }}>
          Open reviews first. Each lists the grants still running on its resource.
        </Typography>
        {mayStart ? (
          <Button variant="contained" onClick={() => openDialog({ kind: 'start' })}>
            Start a review
          </Button>
        ) : null}
      </Stack>
      <NoticeAlert notice={notice} onClose={dismissNotice} />
      <ProblemAlert message={problem} />
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          alignItems: 'start',
          gridTemplateColumns: { xs: 'minmax(0, 1fr)', xl: '300px minmax(0, 1fr)' },
        }}
      >
        <ReviewList />
        <ReviewDetail />
      </Box>
      <ReviewDialogs startable={startable} />
    </>
  )
}
