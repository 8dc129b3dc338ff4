import List from '@mui/material/List'
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
            <ListItemButton
              key={page.id}
              component="a"
              href={hrefFor(page.id)}
              selected={selected}
              aria-current={selected ? 'page' : undefined}
            >
              <ListItemText primary={page.label} />
            </ListItemButton>
          )
        })}
      </List>
    </nav>
  )
}
