import TextField from '@mui/material/TextField'
import { useUsers } from '../use-users'

export function UserSearch() {
  const search = useUsers((state) => state.search)
  const setSearch = useUsers((state) => state.setSearch)
  return (
    <TextField
      label="Search users"
      type="search"
      value={search}
      onChange={(event) => setSearch(event.target.value)}
      sx={{ maxWidth: 420 }}
    />
  )
}
