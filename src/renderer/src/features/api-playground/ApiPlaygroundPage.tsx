import Grid from '@mui/material/Grid'
import Typography from '@mui/material/Typography'
import { useEffect } from 'react'
import { isProcedurePath } from '../../../../shared/contract/procedures'
import type { Role } from '../../../../shared/contract/roles'
import { callableProcedures } from '../../../../shared/contract/reference'
import { PageHeader } from '../../ui/PageHeader'
import { useSession } from '../session/use-session'
import { ProcedureDetail } from './parts/ProcedureDetail'
import { ProcedureList } from './parts/ProcedureList'
import { usePlayground } from './use-playground'

const noRoles: readonly Role[] = []

export const playgroundHref = (path: string) => `#/api/${path}`

/** The procedure a deep link names (#/api/<procedure>), if any. */
const linkedProcedure = () => {
  const path = decodeURIComponent(window.location.hash.replace(/^#\/api\/?/, ''))
  return isProcedurePath(path) ? path : null
}

/**
 * Every procedure the signed-in person may call, with its description and schema, an input to
 * edit and Run: the call goes through the same gate as every screen, as this person.
 */
export function ApiPlaygroundPage() {
  const roles = useSession((state) => state.user?.roles ?? noRoles)
  const selected = usePlayground((state) => state.selected)
  const select = usePlayground((state) => state.select)
  const callable = callableProcedures(roles)
  useEffect(() => {
    const linked = linkedProcedure()
    if (linked) select(linked)
  }, [select])
  useEffect(() => {
    // The address names the procedure shown, so it can be shared; replacing it moves no focus.
    if (selected) window.history.replaceState(null, '', playgroundHref(selected))
  }, [selected])
  return (
    <>
      <PageHeader title="API playground" />
      <Typography sx={{ mb: 2 }}>
        The {callable.length} procedures your roles may call. Run sends the input through the same gate as every screen,
        as you: commands ask first, and are audited. The reference for other tools is in docs/api.
      </Typography>
      <Grid container spacing={3}>
        <Grid size={{ xs: 12, md: 4, lg: 3 }}>
          <ProcedureList callable={callable} />
        </Grid>
        <Grid size={{ xs: 12, md: 8, lg: 9 }}>
          {selected ? (
            <ProcedureDetail path={selected} callable={callable.includes(selected)} />
          ) : (
            <Typography>Choose a procedure.</Typography>
          )}
        </Grid>
      </Grid>
    </>
  )
}
