import List from '@mui/material/List'
import ListItem from '@mui/material/ListItem'
import ListItemButton from '@mui/material/ListItemButton'
import ListItemText from '@mui/material/ListItemText'
import ListSubheader from '@mui/material/ListSubheader'
import TextField from '@mui/material/TextField'
import { useState } from 'react'
import type { ProcedurePath } from '../../../../../shared/contract/procedures'
import { procedures } from '../../../../../shared/contract/procedures'
import { capabilities } from '../../../../../shared/contract/reference'
import { usePlayground } from '../use-playground'

/** The procedures this person may call, by capability, narrowed by a search on name and description. */
export function ProcedureList({ callable }: { callable: readonly ProcedurePath[] }) {
  const selected = usePlayground((state) => state.selected)
  const select = usePlayground((state) => state.select)
  const [search, setSearch] = useState('')
  const term = search.trim().toLowerCase()
  const matches = (path: ProcedurePath) =>
    callable.includes(path) &&
    (term === '' || path.toLowerCase().includes(term) || procedures[path].description.toLowerCase().includes(term))
  const groups = capabilities
    .map((capability) => ({
      capability,
      paths: (Object.keys(capability.procedures) as ProcedurePath[]).filter(matches),
    }))
    .filter((group) => group.paths.length > 0)
  return (
    <>
      <TextField
        label="Find a procedure"
        value={search}
        onChange={(event) => setSearch(event.target.value)}
        fullWidth
        size="small"
        sx={{ mb: 1 }}
      />
      <List dense aria-label="Procedures you may call" sx={{ maxHeight: '70vh', overflowY: 'auto' }}>
        {groups.map(({ capability, paths }) => (
          <li key={capability.id}>
            <ul style={{ padding: 0 }}>
              <ListSubheader sx={{ lineHeight: 2.5 }}>{capability.title}</ListSubheader>
              {paths.map((path) => (
                <ListItem key={path} disablePadding>
                  <ListItemButton selected={path === selected} onClick={() => select(path)}>
                    <ListItemText
                      primary={path}
                      secondary={procedures[path].kind === 'command' ? 'command' : 'query'}
                      slotProps={{ primary: { sx: { fontFamily: 'monospace' } } }}
                    />
                  </ListItemButton>
                </ListItem>
              ))}
            </ul>
          </li>
        ))}
        {groups.length === 0 ? <ListSubheader>No procedure matches “{search}”.</ListSubheader> : null}
      </List>
    </>
  )
}
