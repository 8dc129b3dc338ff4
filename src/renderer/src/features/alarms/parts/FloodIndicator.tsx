import { styled } from '@mui/material/styles'

const Flood = styled('strong')(({ theme }) => ({
  display: 'inline-block',
  padding: theme.spacing(0.5, 1.5),
  borderRadius: theme.shape.borderRadius,
  backgroundColor: theme.palette.severity.high.fill,
  color: theme.palette.severity.high.onFill,
  fontWeight: 800,
}))

/** ISA-18.2: more than ten alarms in ten minutes is a flood, and the console says so. */
export function FloodIndicator({ raised }: { raised: number }) {
  return <Flood>Alarm flood: {raised} alarms in 10 minutes</Flood>
}
