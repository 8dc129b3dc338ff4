import Typography from '@mui/material/Typography'

/** A count that must be read from across the control room (headcount, people inside). */
export function BigNumber({ children }: { children: number }) {
  return (
    <Typography
      component="span"
      variant="h3"
      sx={{ fontSize: '3rem', fontWeight: 700, lineHeight: 1, fontVariantNumeric: 'tabular-nums' }}
    >
      {children}
    </Typography>
  )
}
