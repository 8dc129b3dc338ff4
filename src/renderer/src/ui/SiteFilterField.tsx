import MenuItem from '@mui/material/MenuItem'
import TextField from '@mui/material/TextField'
import type { SxProps, Theme } from '@mui/material/styles'

const all = 'all'

/** "Site: All sites / North plant / …", the filter every list by site shows; null is every site. */
export function SiteFilterField({
  sites,
  siteId,
  onChange,
  sx,
  size,
}: {
  sites: readonly { id: number; name: string }[]
  siteId: number | null
  onChange(siteId: number | null): void
  sx?: SxProps<Theme>
  size?: 'small' | 'medium'
}) {
  return (
    <TextField
      select
      label="Site"
      value={siteId === null ? all : String(siteId)}
      onChange={(event) => onChange(event.target.value === all ? null : Number(event.target.value))}
      margin="none"
      {...(sx ? { sx } : {})}
      {...(size ? { size } : {})}
    >
      <MenuItem value={all}>All sites</MenuItem>
      {sites.map((site) => (
        <MenuItem key={site.id} value={String(site.id)}>
          {site.name}
        </MenuItem>
      ))}
    </TextField>
  )
}
