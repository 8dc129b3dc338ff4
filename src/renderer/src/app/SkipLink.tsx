import { styled } from '@mui/material/styles'
import type { RefObject } from 'react'
import { printHidden } from '../theme/PrintStyles'

// Out of sight until a keyboard reaches it: the first stop of the page.
const Link = styled('a')(({ theme }) => ({
  position: 'fixed',
  left: theme.spacing(1),
  top: theme.spacing(1),
  zIndex: theme.zIndex.tooltip + 1,
  padding: theme.spacing(1, 2),
  borderRadius: theme.shape.borderRadius,
  backgroundColor: theme.palette.primary.main,
  color: theme.palette.primary.contrastText,
  fontWeight: 700,
  transform: 'translateY(-200%)',
  '&:focus': { transform: 'none' },
}))

/**
 * "Skip to main content": past the bar and the menu in one key press. The route lives in the
 * location hash, so the link moves focus itself rather than naming an anchor.
 */
export function SkipLink({ target }: { target: RefObject<HTMLElement | null> }) {
  return (
    <Link
      href="#main"
      className={printHidden}
      onClick={(event) => {
        event.preventDefault()
        const main = target.current
        if (!main) return
        const heading = main.querySelector('h1')
        if (heading && !heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1')
        ;(heading ?? main).focus()
      }}
    >
      Skip to main content
    </Link>
  )
}
