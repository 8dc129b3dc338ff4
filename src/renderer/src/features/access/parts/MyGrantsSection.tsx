import Button from '@mui/material/Button'
import type { GrantDto } from '../../../../../shared/contract/access'
import { useServerNow } from '../../../live/use-server-now'
import { Section } from '../../../ui/Section'
import { useResources } from '../../access-catalogue/use-catalogue'
import { useMyAccess } from '../use-my-access'
import { GrantTable } from './GrantTable'

function ExtendButton({ grant, now, label }: { grant: GrantDto; now: number; label: string }) {
  const openExtend = useMyAccess((state) => state.openExtend)
  const { all, open } = useResources()
  const resource = all.find((candidate) => candidate.id === grant.resource.id)
  // A retired resource takes no requests.
  if (resource && !open.includes(resource)) return null
  return (
    <Button
      size="small"
      variant="outlined"
      aria-label={`${label} grant #${String(grant.id)} of ${grant.resource.key}`}
      onClick={() => openExtend(grant, resource, now)}
    >
      {label}
    </Button>
  )
}

/** The requester's grants: those running or still to start, each to extend; and those that ended. */
export function MyGrantsSection({ focusGrantId }: { focusGrantId: number | null }) {
  const current = useMyAccess((state) => state.currentGrants)
  const past = useMyAccess((state) => state.pastGrants)
  const hasMorePast = useMyAccess((state) => state.hasMorePast)
  const loadOlder = useMyAccess((state) => state.loadOlderGrants)
  const loaded = useMyAccess((state) => state.loaded)
  const now = useServerNow(30_000)
  return (
    <>
      <Section title="My grants">
        <GrantTable
          label="My grants"
          grants={current}
          now={now}
          highlightId={focusGrantId}
          actions={(grant) => <ExtendButton grant={grant} now={now} label="Extend" />}
          empty="No access granted now."
          loaded={loaded}
        />
      </Section>
      <Section title="Past grants">
        <GrantTable
          label="Past grants"
          grants={past}
          now={now}
          highlightId={focusGrantId}
          actions={(grant) => <ExtendButton grant={grant} now={now} label="Request again" />}
          empty="No past grants."
          loaded={loaded}
        />
        {hasMorePast ? (
          <Button variant="outlined" onClick={() => void loadOlder()} sx={{ mt: 2 }}>
            Load older
          </Button>
        ) : null}
      </Section>
    </>
  )
}
