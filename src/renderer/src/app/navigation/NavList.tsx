import List from '@mui/material/List'
import ListItem from '@mui/material/ListItem'
import ListItemButton from '@mui/material/ListItemButton'
import ListItemText from '@mui/material/ListItemText'
import { hrefFor } from './routes'
import type { PageEntry, PageId } from './pages'

export function NavList({ pages, current }: { pages: readonly PageEntry[]; current: PageId | undefined }) {
  return (
    <nav aria-label="Main">
      <List>
        {pages.map((page) => {
          const selected = page.id === current
          return (
            // A list holds list items: the link sits inside one (axe: list).
            <ListItem key={page.id} disablePadding>
              <ListItemButton
                component="a"
                href={hrefFor(page.id)}
                selected={selected}
                aria-current={selected ? 'page' : undefined}
              >
                <ListItemText primary={page.label} />
              </ListItemButton>
            </ListItem>
          )
        })}
      </List>
    </nav>
  )
}
