import Box from '@mui/material/Box'
import { styled } from '@mui/material/styles'
import type { PermitState } from '../../../../../shared/domain/permit-lifecycle'

// A missing attendant is only alarming where entry is possible or someone is inside (1910.146(i)).
const entryStates: readonly PermitState[] = ['authorized', 'active', 'suspended', 'expired']

const Attendant = styled('p')({
  margin: 0,
  fontSize: '1.125rem',
  whiteSpace: 'nowrap',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
})

/** Who watches the space from outside, or a warning in the medium tone where someone should. */
export function CardAttendant({
  attendant,
  state,
  headcount,
}: {
  attendant: string | null
  state: PermitState
  headcount: number
}) {
  if (attendant !== null)
    return (
      <Attendant title={`Attendant on duty: ${attendant}`}>
        Attendant: <strong>{attendant}</strong>
      </Attendant>
    )
  if (headcount > 0 || entryStates.includes(state))
    return (
      <Attendant>
        <Box
          component="strong"
          sx={(theme) => ({
            px: 0.75,
            borderRadius: 1,
            backgroundColor: theme.palette.severity.medium.fill,
            color: theme.palette.severity.medium.onFill,
          })}
        >
          No attendant on duty
        </Box>
      </Attendant>
    )
  return <Attendant sx={{ color: 'text.secondary' }}>No attendant on duty</Attendant>
}
