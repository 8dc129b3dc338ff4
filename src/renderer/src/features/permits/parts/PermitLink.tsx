import Link from '@mui/material/Link'
import { styled } from '@mui/material/styles'
import type { SxProps, Theme } from '@mui/material/styles'
import { permitHref } from '../../../app/navigation/routes'

// Numbers carry the site code (CSE-NORTH-2026-0001); a line break at a hyphen misreads as two numbers.
const NumberLink = styled(Link)({ whiteSpace: 'nowrap' })

/** A permit's number, linking to the permit's page, never broken across lines. */
export function PermitLink({ permitId, number, sx }: { permitId: number; number: string; sx?: SxProps<Theme> }) {
  return (
    <NumberLink href={permitHref(permitId)} sx={sx}>
      {number}
    </NumberLink>
  )
}
