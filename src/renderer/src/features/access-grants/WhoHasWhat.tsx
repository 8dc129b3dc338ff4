import Button from '@mui/material/Button'
import Typography from '@mui/material/Typography'
import { useEffect, useMemo } from 'react'
import type { GrantDto } from '../../../../shared/contract/access'
import { useServerNow } from '../../live/use-server-now'
import { ProblemAlert } from '../../ui/ProblemAlert'
import { useResources } from '../access-catalogue/use-catalogue'
import { keeps, readableResources } from '../access/access-keeping'
import { formatCount } from '../access/access-labels'
import { GrantTable } from '../access/parts/GrantTable'
import { NoticeAlert } from '../access/parts/NoticeAlert'
import { useMayCall } from '../session/use-access'
import { useSession } from '../session/use-session'
import { GrantsSubjectBar } from './parts/GrantsSubjectBar'
import { RevokeGrantDialog } from './parts/RevokeGrantDialog'
import { useGrants } from './use-grants'

/** Who has what: every grant on a resource, or every grant of a person, current or past. */
export function WhoHasWhat() {
  const open = useGrants((state) => state.open)
  const subject = useGrants((state) => state.subject)
  const current = useGrants((state) => state.current)
  const items = useGrants((state) => state.items)
  const total = useGrants((state) => state.total)
  const totalCapped = useGrants((state) => state.totalCapped)
  const hasMore = useGrants((state) => state.hasMore)
  const loaded = useGrants((state) => state.loaded)
  const problem = useGrants((state) => state.problem)
  const notice = useGrants((state) => state.notice)
  const dismissNotice = useGrants((state) => state.dismissNotice)
  const revoking = useGrants((state) => state.revoking)
  const show = useGrants((state) => state.show)
  const loadMore = useGrants((state) => state.loadMore)
  const openRevoke = useGrants((state) => state.openRevoke)
  const user = useSession((state) => state.user)
  const mayRevoke = useMayCall('access.revokeGrant')
  const { all } = useResources()
  const now = useServerNow(30_000)
  const readable = useMemo(() => (user ? readableResources(all, user) : []), [all, user])
  useEffect(() => open(), [open])
  const first = readable[0]
  useEffect(() => {
    if (subject === null && first) show({ by: 'resource', resourceId: first.id })
  }, [subject, first, show])

  const revokable = (grant: GrantDto): boolean => {
    const resource = all.find((candidate) => candidate.id === grant.resource.id)
    // The current list holds what runs now or later; the server has the last word on the rest.
    return mayRevoke && current && grant.endedAt === null && !!user && !!resource && keeps(resource, user)
  }

  return (
    <>
      <GrantsSubjectBar resources={readable} />
      <NoticeAlert notice={notice} onClose={dismissNotice} />
      <ProblemAlert message={problem} />
      {subject ? (
        <>
          <Typography variant="body2" sx={{ color: 'text.secondary', mb: 1 }}>
            {loaded
              ? `${formatCount(total, totalCapped)} ${current ? 'current' : 'past'} ${total === 1 && !totalCapped ? 'grant' : 'grants'}`
              : 'Loading…'}
            {subject.by === 'person' ? ` of ${subject.person.name}, on the resources you keep` : ''}
          </Typography>
          <GrantTable
            label={current ? 'Current grants' : 'Past grants'}
            grants={items}
            now={now}
            showHolder={subject.by === 'resource'}
            showResource={subject.by === 'person'}
            showLastUse
            onHolder={(holder) => show({ by: 'person', person: holder })}
            actions={(grant) =>
              revokable(grant) ? (
                <Button
                  size="small"
                  variant="outlined"
                  color="error"
                  aria-label={`Revoke grant #${String(grant.id)} of ${grant.holder.name}`}
                  onClick={() => openRevoke(grant)}
                >
                  Revoke
                </Button>
              ) : null
            }
            empty={current ? 'Nobody holds access here now.' : 'No past grants.'}
            loaded={loaded}
          />
          {hasMore ? (
            <Button variant="outlined" onClick={() => void loadMore()} sx={{ mt: 2 }}>
              Load more
            </Button>
          ) : null}
        </>
      ) : (
        <Typography>Choose a resource or a person.</Typography>
      )}
      {revoking ? <RevokeGrantDialog key={revoking.id} grant={revoking} /> : null}
    </>
  )
}
