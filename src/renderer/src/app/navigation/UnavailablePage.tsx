import Button from '@mui/material/Button'
import Typography from '@mui/material/Typography'
import { roleLabels } from '../../../../shared/contract/roles'
import type { Role } from '../../../../shared/contract/roles'
import { useSession } from '../../features/session/use-session'
import { PageHeader } from '../../ui/PageHeader'

const noRoles: readonly Role[] = []

/** What an address shows when it is not for this person, or names nothing: said plainly, with a way on. */
export function UnavailablePage({ why }: { why: 'roles' | 'unknown' }) {
  const roles = useSession((state) => state.user?.roles ?? noRoles)
  const held = roles.map((role) => roleLabels[role]).join(', ')
  return (
    <>
      <PageHeader title={why === 'roles' ? 'Not available to your roles' : 'No such page'} />
      <Typography sx={{ mb: 2 }}>
        {why === 'roles'
          ? `This page is not available to your roles (${held || 'none'}). If you need it, ask an administrator for the role it needs.`
          : 'There is no page at this address in Gatehouse. It may be a mistyped or outdated link.'}
      </Typography>
      <Button variant="contained" href="#/">
        Go to your start page
      </Button>
    </>
  )
}
