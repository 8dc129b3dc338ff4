import Button from '@mui/material/Button'
import Table from '@mui/material/Table'
import TableBody from '@mui/material/TableBody'
import TableCell from '@mui/material/TableCell'
import TableHead from '@mui/material/TableHead'
import TableRow from '@mui/material/TableRow'
import type { EntryPairDto, PermitDetailDto } from '../../../../../shared/contract/permits'
import { isTerminal } from '../../../../../shared/domain/permit-lifecycle'
import { formatShortTime } from '../../../format/time'
import { PersonLink } from '../../exposure/parts/PersonLink'
import { useMayCall } from '../../session/use-access'
import { correctableExitIds } from '../exit-correction'
import type { MistakenExit } from '../permit-view-state'
import { usePermit } from '../use-permit'

function CorrectExitButton({ exit }: { exit: MistakenExit }) {
  const openDialog = usePermit((state) => state.openDialog)
  return (
    <Button
      size="small"
      variant="outlined"
      aria-label={`Correct exit of ${exit.personName}`}
      onClick={() => openDialog({ kind: 'correctExit', exit })}
    >
      Correct exit
    </Button>
  )
}

/**
 * Every entry with its exit (the entry log), oldest first. A mistaken exit is corrected from
 * here, never from the Exit button, so an exit stays one click.
 */
export function EntriesTable({ detail }: { detail: PermitDetailDto }) {
  const mayCorrect = useMayCall('entries.correctExit')
  const { card, entries } = detail
  const final = isTerminal(card.state)
  // A closed or cancelled permit is refused by the server: everyone was recorded out when it ended.
  const correctable =
    mayCorrect && !final
      ? correctableExitIds(entries, new Set(card.inside.map((person) => person.key)))
      : new Set<number>()
  const withActions = correctable.size > 0
  const correctionOf = (pair: EntryPairDto): MistakenExit | null =>
    pair.exitId !== null && pair.exitTime !== null && correctable.has(pair.exitId)
      ? { exitId: pair.exitId, personName: pair.personName, exitTime: pair.exitTime }
      : null
  return (
    <Table size="small" aria-label="Entries and exits">
      <TableHead>
        <TableRow>
          <TableCell>Person</TableCell>
          <TableCell>Entry time</TableCell>
          <TableCell>Exit time</TableCell>
          <TableCell>Remarks</TableCell>
          {withActions ? <TableCell align="right">Actions</TableCell> : null}
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.map((pair) => {
          const correction = correctionOf(pair)
          return (
            <TableRow key={`${pair.personKey}-${String(pair.entryTime)}`}>
              <TableCell>
                <PersonLink personKey={pair.personKey}>{pair.personName}</PersonLink>
              </TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatShortTime(pair.entryTime)}</TableCell>
              <TableCell sx={{ whiteSpace: 'nowrap' }}>
                {pair.exitTime === null ? 'Still inside' : formatShortTime(pair.exitTime)}
              </TableCell>
              <TableCell>{pair.remarks}</TableCell>
              {withActions ? (
                <TableCell align="right">{correction ? <CorrectExitButton exit={correction} /> : null}</TableCell>
              ) : null}
            </TableRow>
          )
        })}
        {entries.length === 0 ? (
          <TableRow>
            <TableCell colSpan={4}>
              {final ? 'Nobody entered under this permit.' : 'Nobody has entered under this permit.'}
            </TableCell>
          </TableRow>
        ) : null}
      </TableBody>
    </Table>
  )
}
