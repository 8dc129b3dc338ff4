import Link from '@mui/material/Link'
import type { ReactNode } from 'react'
import { personHref } from '../../../app/navigation/routes'
import { useMayReadExposure } from '../use-may-read-exposure'

/**
 * A person's name, linking to their page (stays and exposure) when the viewer may read it: the
 * same rule the server applies, so an entrant's own name links and nobody else's does.
 */
export function PersonLink({ personKey, children }: { personKey: string; children: ReactNode }) {
  if (!useMayReadExposure(personKey)) return <>{children}</>
  return <Link href={personHref(personKey)}>{children}</Link>
}
