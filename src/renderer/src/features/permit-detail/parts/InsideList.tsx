import Button from '@mui/material/Button'
import List from '@mui/material/List'
import ListItem from '@mui/material/ListItem'
import ListItemText from '@mui/material/ListItemText'
import Typography from '@mui/material/Typography'
import type { PermitCardDto } from '../../../../../shared/contract/permits'
import { formatShortTime } from '../../../format/time'
import { BigNumber } from '../../../ui/BigNumber'
import { useMayCall } from '../../session/use-access'
import { personRefOf } from '../person-ref'
import { usePermit } from '../use-permit'

/**
 * Who is inside now, each with an Exit button. Exit is never blocked (1910.146): the button is
 * never disabled, whatever the permit, the atmosphere or a call under way.
 */
export function InsideList({ inside }: { inside: PermitCardDto['inside'] }) {
  const mayRecordExit = useMayCall('entries.recordExit')
  const recordExit = usePermit((state) => state.recordExit)
  return (
    <>
      <Typography component="p" sx={{ mb: 1 }}>
        <BigNumber>{inside.length}</BigNumber> <span>inside now</span>
      </Typography>
      <List aria-label="Inside now" dense>
        {inside.map((person) => (
          <ListItem
            key={person.key}
            divider
            secondaryAction={
              mayRecordExit ? (
                <Button
                  variant="contained"
                  color="secondary"
                  size="large"
                  aria-label={`Exit ${person.name}`}
                  onClick={() => void recordExit(personRefOf(person), person.name)}
                >
                  Exit
                </Button>
              ) : null
            }
          >
            <ListItemText
              primary={person.name}
              secondary={`In since ${formatShortTime(person.since)}`}
              slotProps={{ primary: { sx: { fontSize: '1.25rem', fontWeight: 600 } } }}
            />
          </ListItem>
        ))}
      </List>
    </>
  )
}
