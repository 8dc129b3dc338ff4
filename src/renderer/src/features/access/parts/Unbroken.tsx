import { styled } from '@mui/material/styles'

/** A date or a key kept on one line: "11/30/26, 7:00 PM" broken in two reads as two times. */
export const Unbroken = styled('span')({ whiteSpace: 'nowrap' })
