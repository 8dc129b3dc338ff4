import Chip from '@mui/material/Chip'
import List from '@mui/material/List'
import ListItem from '@mui/material/ListItem'
import ListItemText from '@mui/material/ListItemText'
import type { PermitDetailDto } from '../../../../../shared/contract/permits'
import { Section } from '../../../ui/Section'

/** 1910.146(f)(4): the people allowed in, and which of them are in now. */
export function EntrantsSection({ detail }: { detail: PermitDetailDto }) {
  const inside = new Set(detail.card.inside.map((person) => person.key))
  return (
    <Section title="Authorized entrants">
      <List dense>
        {detail.entrants.map((entrant) => (
          <ListItem key={entrant.key} divider>
            <ListItemText
              primary={entrant.name}
              secondary={entrant.userId === null ? 'Named on the permit (no account)' : 'Account holder'}
            />
            {inside.has(entrant.key) ? <Chip label="Inside" color="warning" size="small" /> : null}
          </ListItem>
        ))}
      </List>
    </Section>
  )
}
