import { useEffect, useRef } from 'react'
import type { RefObject } from 'react'

/** How long a page's chunk and first data may take before focus stops waiting for its heading. */
const waitMs = 5000

/**
 * After a change of page, moves focus to the new page's heading (h1) once it is on the screen, so
 * a keyboard or screen-reader user starts there rather than on the link they left behind. The
 * first page after sign-in keeps the browser's own focus. `key` names the page shown.
 */
export function useFocusHeadingOnNavigation(key: string, container: RefObject<HTMLElement | null>): void {
  const shown = useRef<string | null>(null)
  useEffect(() => {
    const first = shown.current === null
    shown.current = key
    const root = container.current
    if (first || !root) return
    let stopped = false
    const started = Date.now()
    const tryFocus = () => {
      if (stopped) return
      const heading = root.querySelector('h1')
      // A lazy page shows a progress bar first; its heading arrives with it.
      if (heading && !root.querySelector('[aria-label="Loading the page"]')) {
        if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1')
        heading.focus()
        return
      }
      if (Date.now() - started < waitMs) requestAnimationFrame(tryFocus)
    }
    requestAnimationFrame(tryFocus)
    return () => {
      stopped = true
    }
  }, [key, container])
}
