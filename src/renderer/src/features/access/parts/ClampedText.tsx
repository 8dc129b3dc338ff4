import Typography from '@mui/material/Typography'

/** Long free text (a justification) held to a few lines in a table; the whole of it is its title. */
export function ClampedText({ text, lines = 2 }: { text: string; lines?: number }) {
  return (
    <Typography
      title={text}
      sx={{
        display: '-webkit-box',
        WebkitLineClamp: lines,
        WebkitBoxOrient: 'vertical',
        overflow: 'hidden',
        overflowWrap: 'anywhere',
      }}
    >
      {text}
    </Typography>
  )
}
