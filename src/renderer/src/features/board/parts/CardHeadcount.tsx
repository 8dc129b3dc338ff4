import Box from '@mui/material/Box'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import type { PermitCardDto } from '../../../../../shared/contract/permits'
import { BigNumber } from '../../../ui/BigNumber'

/** The attendant's count (1910.146(i)(4)), large, with the names behind it. */
export function CardHeadcount({ inside }: { inside: PermitCardDto['inside'] }) {
  return (
    <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
      <Typography component="p" sx={{ whiteSpace: 'nowrap' }}>
        <BigNumber>{inside.length}</BigNumber> <span>inside</span>
      </Typography>
      {inside.length > 0 ? (
        <Box component="ul" aria-label="People inside" sx={{ m: 0, pl: 2.5, fontSize: '1.125rem', fontWeight: 500 }}>
          {inside.map((person) => (
            <li key={person.key}>{person.name}</li>
          ))}
        </Box>
      ) : (
        <Typography sx={{ color: 'text.secondary' }}>Nobody is inside.</Typography>
      )}
    </Stack>
  )
}
