import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { formatShortTime } from '../../../format/time'
import { BigNumber } from '../../../ui/BigNumber'
import { PermitLink } from '../../permits/parts/PermitLink'
import type { SpaceInside } from '../entries-store'
import { PersonLink } from '../../exposure/parts/PersonLink'

export function SpaceInsideCard({ space }: { space: SpaceInside }) {
  return (
    <Paper component="article" variant="outlined" aria-label={`${space.spaceTag} headcount`} sx={{ p: 2 }}>
      <Stack direction="row" spacing={2} sx={{ justifyContent: 'space-between', alignItems: 'flex-start' }}>
        <div>
          <Typography variant="h4" component="h2" sx={{ fontWeight: 700 }}>
            {space.spaceTag}
          </Typography>
          <Typography sx={{ fontSize: '1.125rem' }}>{space.spaceName}</Typography>
          <PermitLink permitId={space.permitId} number={space.permitNumber} sx={{ fontWeight: 600 }} />
        </div>
        <Typography component="p" sx={{ textAlign: 'right' }}>
          <BigNumber>{space.headcount}</BigNumber> <span>inside</span>
        </Typography>
      </Stack>
      <Stack component="ul" aria-label={`Inside ${space.spaceTag}`} sx={{ m: 0, mt: 1, pl: 2.5 }}>
        {space.people.map((person) => (
          <Typography component="li" key={person.key} sx={{ fontSize: '1.125rem' }}>
            <strong>
              <PersonLink personKey={person.key}>{person.name}</PersonLink>
            </strong>
            , in since {formatShortTime(person.since)}
          </Typography>
        ))}
      </Stack>
    </Paper>
  )
}
