import Typography from '@mui/material/Typography'
import type { ReactNode } from 'react'

/** The smaller, quieter line under a table cell's main value. */
export function SecondaryText({ children }: { children: ReactNode }) {
  return (
    <Typography variant="body2" sx={{ color: 'text.secondary' }}>
      {children}
    </Typography>
  )
}
