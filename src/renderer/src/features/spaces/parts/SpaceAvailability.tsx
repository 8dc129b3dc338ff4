import Typography from '@mui/material/Typography'
import type { SpaceDto } from '../../../../../shared/contract/spaces'
import { spaceAvailabilityLabels, spaceServiceStatusLabels } from '../../../../../shared/domain/space-availability'
import { PermitLink } from '../../permits/parts/PermitLink'

/**
 * What the space is now, worked out from the records: who is inside and under which permit, an
 * open permit, or the service status set by hand.
 */
export function SpaceAvailability({ space }: { space: SpaceDto }) {
  const { availability, occupancy, status } = space
  const { permit } = occupancy
  const label = spaceAvailabilityLabels[availability]
  const permitLink = permit ? <PermitLink permitId={permit.id} number={permit.number} /> : null
  return (
    <>
      {availability === 'occupied' ? (
        <span>
          <strong>{label}</strong>: {occupancy.headcount} inside{permitLink ? <> · {permitLink}</> : null}
        </span>
      ) : availability === 'permit_open' ? (
        <span>
          {label}
          {permitLink ? <> · {permitLink}</> : null}
        </span>
      ) : (
        <span>{label}</span>
      )}
      {/* People inside a space set out of service is the contradiction a supervisor must see. */}
      {availability === 'occupied' && status !== 'in_service' ? (
        <Typography variant="body2" sx={{ color: 'warning.main' }}>
          Marked {spaceServiceStatusLabels[status].toLowerCase()}, yet people are inside.
        </Typography>
      ) : null}
    </>
  )
}
