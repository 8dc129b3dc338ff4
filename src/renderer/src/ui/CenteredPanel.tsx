import Box from '@mui/material/Box'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import type { ReactNode } from 'react'

/** The single card of the screens shown before anyone is signed in. */
export function CenteredPanel({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <Box component="main" sx={{ minHeight: '100vh', display: 'grid', placeItems: 'center', p: 3 }}>
      <Paper variant="outlined" sx={{ width: '100%', maxWidth: 480, p: { xs: 3, sm: 5 } }}>
        <Stack spacing={2}>
          <Typography variant="overline" component="p" sx={{ color: 'primary.main', fontSize: '1rem' }}>
            Gatehouse
          </Typography>
          <Typography variant="h1">{title}</Typography>
          {intro ? <Typography sx={{ color: 'text.secondary' }}>{intro}</Typography> : null}
          {children}
        </Stack>
      </Paper>
    </Box>
  )
}
