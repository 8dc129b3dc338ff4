import Chip from '@mui/material/Chip'
import List from '@mui/material/List'
import ListItem from '@mui/material/ListItem'
import ListItemText from '@mui/material/ListItemText'
import Stack from '@mui/material/Stack'
import type { PermitDetailDto } from '../../../../../shared/contract/permits'
import { Section } from '../../../ui/Section'
import { PersonLink } from '../../exposure/parts/PersonLink'

/** 1910.146(f)(4): the people allowed in, which of them are in now, and who may no longer enter. */
export function EntrantsSection({ detail }: { detail: PermitDetailDto }) {
  const inside = new Set(detail.card.inside.map((person) => person.key))
  return (
    <Section title="Authorized entrants">
      <List dense>
        {detail.entrants.map((entrant) => (
          <ListItem key={entrant.key} divider>
            <ListItemText
              primary={<PersonLink personKey={entrant.key}>{entrant.name}</PersonLink>}
              secondary={entrant.userId === null ? 'Named on the permit (no account)' : 'Account holder'}
            />
            <Stack direction="row" spacing={1}>
              {/* Still listed on the permit, but the server refuses their entries (account_active). */}
              {entrant.deactivated ? <Chip label="Account deactivated" color="error" size="small" /> : null}
              {inside.has(entrant.key) ? <Chip label="Inside" color="warning" size="small" /> : null}
            </Stack>
          </ListItem>
        ))}
      </List>
    </Section>
  )
}
