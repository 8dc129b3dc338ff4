import { useEffect } from 'react'
import { ProblemAlert } from '../../ui/ProblemAlert'
import { MyAccessDialogs } from './parts/MyAccessDialogs'
import { MyGrantsSection } from './parts/MyGrantsSection'
import { NoticeAlert } from './parts/NoticeAlert'
import { MyRequestsSection } from './parts/MyRequestsSection'
import { useMyAccess } from './use-my-access'

/** "My access": what I asked for and where it stands, what I hold and until when. */
export function MyAccess({ focusGrantId }: { focusGrantId: number | null }) {
  const open = useMyAccess((state) => state.open)
  const problem = useMyAccess((state) => state.problem)
  const notice = useMyAccess((state) => state.notice)
  const dismissNotice = useMyAccess((state) => state.dismissNotice)
  useEffect(() => open(), [open])
  return (
    <>
      <NoticeAlert notice={notice} onClose={dismissNotice} />
      <ProblemAlert message={problem} />
      <MyRequestsSection />
      <MyGrantsSection focusGrantId={focusGrantId} />
      <MyAccessDialogs />
    </>
  )
}
