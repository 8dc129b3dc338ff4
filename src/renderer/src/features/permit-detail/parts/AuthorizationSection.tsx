import Typography from '@mui/material/Typography'
import type { PermitDetailDto } from '../../../../../shared/contract/permits'
import { isTerminal } from '../../../../../shared/domain/permit-lifecycle'
import { formatTime, formatUtc, workstationZone } from '../../../format/time'
import { Section } from '../../../ui/Section'

/** 1910.146(f)(6): the signature of the supervisor who authorized entry. */
export function AuthorizationSection({ detail }: { detail: PermitDetailDto }) {
  const signature = detail.authorization
  return (
    <Section title="Authorization">
      {signature ? (
        <>
          <Typography>
            Signed by <strong>{signature.byName}</strong> ({signature.byUsername}) on {formatTime(signature.at)} (
            {workstationZone()}; {formatUtc(signature.at)})
          </Typography>
          <Typography variant="body2" sx={{ mt: 1, color: 'text.secondary' }}>
            The statement as signed; its times are in UTC, as the record keeps them.
          </Typography>
          <Typography component="blockquote" sx={{ m: 0, mt: 1, pl: 2, borderLeft: 3, borderColor: 'divider' }}>
            {signature.statement}
          </Typography>
        </>
      ) : (
        <Typography>
          {isTerminal(detail.card.state) ? 'Never authorized.' : 'Not authorized yet: nobody may enter.'}
        </Typography>
      )}
    </Section>
  )
}
