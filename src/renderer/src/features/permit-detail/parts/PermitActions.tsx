import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import type { PermitDetailDto } from '../../../../../shared/contract/permits'
import { isTerminal } from '../../../../../shared/domain/permit-lifecycle'
import type { PermitAction } from '../../../../../shared/domain/permit-lifecycle'
import { navigate } from '../../../app/navigation/hash-route'
import { permitHref } from '../../../app/navigation/routes'
import { printHidden } from '../../../theme/PrintStyles'
import { useMayCall } from '../../session/use-access'
import { useSession } from '../../session/use-session'
import { actionButtonLabels, isManualAction, offeredActions } from '../action-access'
import { usePermit } from '../use-permit'

/** The step that moves a permit on from its state, when this person is offered it. */
function nextStepOf(
  state: PermitDetailDto['card']['state'],
  offered: readonly PermitAction[],
): PermitAction | undefined {
  const next: Partial<Record<PermitDetailDto['card']['state'], PermitAction>> = {
    draft: 'submit',
    pending_authorization: 'authorize',
    suspended: 'resume',
    expired: 'close',
  }
  const step = next[state]
  return step && offered.includes(step) ? step : undefined
}

export function PermitActions({ detail }: { detail: PermitDetailDto }) {
  const roles = useSession((state) => state.user?.roles)
  const myId = useSession((state) => state.user?.id)
  const openDialog = usePermit((state) => state.openDialog)
  const requestPrint = usePermit((state) => state.requestPrint)
  const mayEdit = useMayCall('permits.update')
  const mayTransfer = useMayCall('permits.transferSupervisor')
  const mayEvacuate = useMayCall('evacuations.order')
  const { card } = detail
  const offered = offeredActions(detail.allowedActions, roles ?? [])
  // Only the entry supervisor named on the permit signs it (1910.146(f)(6)); the server says so too.
  const mySignature = detail.entrySupervisorId === myId
  const actions = offered.filter((action) => action !== 'authorize' || mySignature)
  const waitingForSignature = offered.includes('authorize') && !mySignature
  const live = !isTerminal(card.state)
  // The filled button is what matters now: Evacuate while anyone is inside (or out of an evacuation),
  // otherwise the permit's next step; Evacuate stays one click away, outlined, when the space is empty.
  const someoneInside = card.inside.length > 0 || card.evacuation !== null
  const nextStep = someoneInside ? undefined : nextStepOf(card.state, actions)

  const print = () => {
    requestPrint()
    navigate(permitHref(card.id, 'print'))
  }

  return (
    <Stack direction="row" spacing={1} className={printHidden} sx={{ flexWrap: 'wrap', gap: 1, mb: 3 }} useFlexGap>
      {mayEvacuate && live ? (
        <Button
          variant={someoneInside ? 'contained' : 'outlined'}
          color="error"
          onClick={() => openDialog({ kind: 'evacuate' })}
        >
          Evacuate
        </Button>
      ) : null}
      {actions.map((action) => (
        <Button
          key={action}
          variant={action === nextStep ? 'contained' : 'outlined'}
          color={action === 'cancel' || action === 'suspend' ? 'warning' : 'primary'}
          onClick={() =>
            isManualAction(action) ? openDialog({ kind: 'transition', action }) : openDialog({ kind: 'authorize' })
          }
        >
          {actionButtonLabels[action]}
        </Button>
      ))}
      {mayEdit && card.state === 'draft' ? (
        <Button variant="outlined" href={permitHref(card.id, 'edit')}>
          Edit
        </Button>
      ) : null}
      {mayTransfer && live && card.state !== 'draft' ? (
        <Button variant="outlined" onClick={() => openDialog({ kind: 'transfer' })}>
          Transfer entry supervisor
        </Button>
      ) : null}
      <Button variant="outlined" onClick={print}>
        Print
      </Button>
      {waitingForSignature ? (
        <Typography sx={{ alignSelf: 'center', color: 'text.secondary' }}>
          Waiting for {card.entrySupervisor}, the entry supervisor named on the permit, to authorize it.
        </Typography>
      ) : null}
    </Stack>
  )
}
