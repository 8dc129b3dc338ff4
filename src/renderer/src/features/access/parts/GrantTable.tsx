import Link from '@mui/material/Link'
import Paper from '@mui/material/Paper'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableContainer from '@mui/material/TableContainer'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import Typography from '@mui/material/Typography'
import { useEffect, useRef } from 'react'
import type { ReactNode } from 'react'
import type { GrantDto } from '../../../../../shared/contract/access'
import { formatShortTime } from '../../../format/time'
import { requestHref } from '../access-route'
import { ClampedText } from './ClampedText'
import { GrantStateChip } from './GrantStateChip'
import { SecondaryText } from './SecondaryText'

interface GrantTableProps {
  label: string
  grants: readonly GrantDto[]
  now: number
  /** Who holds it: for lists of more than one person's grants. */
  showHolder?: boolean
  showResource?: boolean
  showLastUse?: boolean
  /** A grant a link brought the person to: marked and scrolled into view. */
  highlightId?: number | null
  /** A holder's name as a button: shows that person's grants. */
  onHolder?(holder: GrantDto['holder']): void
  actions?(grant: GrantDto): ReactNode
  /** Said when the list is empty, once it has been read. */
  empty: string
  loaded: boolean
}

function Period({ grant }: { grant: GrantDto }) {
  return (
    <>
      <Typography sx={{ whiteSpace: 'nowrap' }}>until {formatShortTime(grant.endedAt ?? grant.validTo)}</Typography>
      <SecondaryText>from {formatShortTime(grant.validFrom)}</SecondaryText>
    </>
  )
}

function EndNote({ grant }: { grant: GrantDto }) {
  if (grant.endedAt === null) return null
  const by = grant.endedBy ? ` by ${grant.endedBy}` : ''
  return (
    <SecondaryText>{`${formatShortTime(grant.endedAt)}${by}${grant.endNote ? `: ${grant.endNote}` : ''}`}</SecondaryText>
  )
}

/** Grants as "who has what" shows them: who, what, for how long, where they stand, why they were given. */
export function GrantTable({
  label,
  grants,
  now,
  showHolder = false,
  showResource = true,
  showLastUse = false,
  highlightId = null,
  onHolder,
  actions,
  empty,
  loaded,
}: GrantTableProps) {
  const highlighted = useRef<HTMLTableRowElement | null>(null)
  const found = grants.some((grant) => grant.id === highlightId)
  useEffect(() => {
    if (found) highlighted.current?.scrollIntoView?.({ block: 'center' })
  }, [found])
  const columns = 4 + (showHolder ? 1 : 0) + (showResource ? 1 : 0) + (showLastUse ? 1 : 0) + (actions ? 1 : 0)
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-label={label}>
        <TableHead>
          <TableRow>
            <TableCell>Grant</TableCell>
            {showHolder ? <TableCell>Holder</TableCell> : null}
            {showResource ? <TableCell>Resource</TableCell> : null}
            <TableCell>Valid</TableCell>
            <TableCell>State</TableCell>
            <TableCell sx={{ width: '30%' }}>Justification</TableCell>
            {showLastUse ? <TableCell>Last used</TableCell> : null}
            {actions ? <TableCell align="right">Actions</TableCell> : null}
          </TableRow>
        </TableHead>
        <TableBody>
          {grants.map((grant) => {
            const isHighlighted = grant.id === highlightId
            return (
              <TableRow
                key={grant.id}
                selected={isHighlighted}
                ref={isHighlighted ? highlighted : undefined}
                aria-current={isHighlighted ? 'true' : undefined}
              >
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <Typography sx={{ fontWeight: 700 }}>#{grant.id}</Typography>
                  {grant.requestId !== null ? (
                    <SecondaryText>
                      <Link href={requestHref(grant.requestId)}>request #{grant.requestId}</Link>
                    </SecondaryText>
                  ) : null}
                </TableCell>
                {showHolder ? (
                  <TableCell>
                    {onHolder ? (
                      <Link
                        component="button"
                        type="button"
                        onClick={() => onHolder(grant.holder)}
                        aria-label={`Every grant of ${grant.holder.name}`}
                        sx={{ fontSize: 'inherit', textAlign: 'left' }}
                      >
                        {grant.holder.name}
                      </Link>
                    ) : (
                      grant.holder.name
                    )}
                  </TableCell>
                ) : null}
                {showResource ? (
                  <TableCell>
                    <Typography sx={{ fontWeight: 700, whiteSpace: 'nowrap' }}>{grant.resource.key}</Typography>
                    <SecondaryText>
                      {grant.resource.name} · {grant.level}
                    </SecondaryText>
                  </TableCell>
                ) : null}
                <TableCell>
                  <Period grant={grant} />
                </TableCell>
                <TableCell>
                  <GrantStateChip grant={grant} now={now} />
                  {showResource ? null : <SecondaryText>level {grant.level}</SecondaryText>}
                  <EndNote grant={grant} />
                </TableCell>
                <TableCell>
                  <ClampedText text={grant.justification || '—'} />
                </TableCell>
                {showLastUse ? (
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>
                    {grant.lastUsedAt === null ? 'Never' : formatShortTime(grant.lastUsedAt)}
                  </TableCell>
                ) : null}
                {actions ? <TableCell align="right">{actions(grant)}</TableCell> : null}
              </TableRow>
            )
          })}
          {grants.length === 0 ? (
            <TableRow>
              <TableCell colSpan={columns}>{loaded ? empty : 'Loading…'}</TableCell>
            </TableRow>
          ) : null}
        </TableBody>
      </Table>
    </TableContainer>
  )
}
