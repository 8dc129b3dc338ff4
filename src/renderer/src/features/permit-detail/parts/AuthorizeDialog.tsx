import Checkbox from '@mui/material/Checkbox'
import FormControlLabel from '@mui/material/FormControlLabel'
import FormGroup from '@mui/material/FormGroup'
import Typography from '@mui/material/Typography'
import { useState } from 'react'
import type { PermitDetailDto } from '../../../../../shared/contract/permits'
import { authorizationStatement } from '../../../../../shared/domain/authorization-statement'
import { formatShortTime, workstationZone } from '../../../format/time'
import { SignatureDialog } from '../../../ui/SignatureDialog'
import { useSession } from '../../session/use-session'
import { usePermit } from '../use-permit'

/**
 * 1910.146(f)(6): the entry supervisor signs to authorize entry; the password is the signature.
 * Measures not yet ticked come first: the signer confirms each is in place, then signs the very
 * statement the server records (its times in UTC, the workstation's shown beside).
 */
export function AuthorizeDialog({ detail }: { detail: PermitDetailDto }) {
  const me = useSession((state) => state.user)
  const saving = usePermit((state) => state.saving)
  const problem = usePermit((state) => state.dialogProblem)
  const authorize = usePermit((state) => state.authorize)
  const closeDialog = usePermit((state) => state.closeDialog)
  const { card } = detail
  const open = detail.fields.isolationMeasures.filter((m) => !m.done).map((m) => m.measure)
  const [confirmed, setConfirmed] = useState<string[]>([])
  const statement = authorizationStatement({
    displayName: me?.displayName ?? '',
    username: me?.username ?? '',
    spaceTag: card.spaceTag,
    permitNumber: card.number,
    validFrom: card.validFrom,
    validTo: card.validTo,
  })
  const allConfirmed = open.every((measure) => confirmed.includes(measure))
  return (
    <SignatureDialog
      title={`Authorize permit ${card.number}`}
      statement={statement}
      submitLabel="Sign and authorize"
      saving={saving}
      submitDisabled={!allConfirmed}
      problem={problem}
      onSign={(password) => void authorize(password, confirmed)}
      onClose={closeDialog}
    >
      <Typography variant="body2">
        The statement gives its times in UTC, as the signed record keeps them. In this workstation’s time (
        {workstationZone()}): valid {formatShortTime(card.validFrom)} to {formatShortTime(card.validTo)}.
      </Typography>
      {open.length > 0 ? (
        <FormGroup aria-label="Measures to confirm before signing">
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            Not ticked on the permit yet: confirm each is in place before you sign.
          </Typography>
          {open.map((measure) => (
            <FormControlLabel
              key={measure}
              label={`In place: ${measure}`}
              control={
                <Checkbox
                  checked={confirmed.includes(measure)}
                  onChange={(event) =>
                    setConfirmed((now) =>
                      event.target.checked ? [...now, measure] : now.filter((other) => other !== measure),
                    )
                  }
                />
              }
            />
          ))}
        </FormGroup>
      ) : null}
    </SignatureDialog>
  )
}
