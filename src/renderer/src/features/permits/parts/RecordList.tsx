import Box from '@mui/material/Box'
import { styled } from '@mui/material/styles'
import type { ReactNode } from 'react'

/** A two-column list of labelled values: the permit's record, on screen and on paper. */
export const RecordList = styled('dl')(({ theme }) => ({
  display: 'grid',
  gridTemplateColumns: 'minmax(12rem, 18rem) 1fr',
  columnGap: theme.spacing(3),
  rowGap: theme.spacing(1.5),
  margin: 0,
  '& dt': { fontWeight: 700 },
  '& dd': { margin: 0 },
  '& ul': { margin: 0, paddingLeft: theme.spacing(2.5) },
}))

export function RecordRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box sx={{ display: 'contents' }}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </Box>
  )
}

/** Items as a list, or a dash when there are none, so an empty field reads as empty, not forgotten. */
export function ItemList({ items, label }: { items: readonly string[]; label: string }) {
  if (items.length === 0) return <>None recorded.</>
  return (
    <ul aria-label={label}>
      {items.map((item, index) => (
        <li key={`${String(index)}-${item}`}>{item}</li>
      ))}
    </ul>
  )
}
