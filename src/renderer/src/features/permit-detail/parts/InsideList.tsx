import Button from '@mui/material/Button'
import List from '@mui/material/List'
import ListItem from '@mui/material/ListItem'
import ListItemText from '@mui/material/ListItemText'
import Typography from '@mui/material/Typography'
import { useCallback, useEffect, useRef } from 'react'
import type { PermitCardDto } from '../../../../../shared/contract/permits'
import { formatShortTime } from '../../../format/time'
import { BigNumber } from '../../../ui/BigNumber'
import { PersonLink } from '../../exposure/parts/PersonLink'
import { useMayCall } from '../../session/use-access'
import { personRefOf } from '../person-ref'
import { usePermit } from '../use-permit'

/**
 * Who is inside now, each with an Exit button. Exit is never blocked (1910.146): the button is
 * never disabled, whatever the permit, the atmosphere or a call under way. Once someone is out
 * and their row gone, focus goes to the Exit button now in that place (people often come out one
 * after another), or, with nobody left, to `onEmptied` (the entry picker).
 */
export function InsideList({ inside, onEmptied }: { inside: PermitCardDto['inside']; onEmptied(): void }) {
  const mayRecordExit = useMayCall('entries.recordExit')
  const recordExit = usePermit((state) => state.recordExit)
  const listRef = useRef<HTMLUListElement>(null)
  const countRef = useRef<HTMLParagraphElement>(null)
  // Who was let out last, until their row is gone: the list refreshes a moment after the exit is recorded.
  const leaving = useRef<{ key: string; index: number } | null>(null)
  const shown = useRef(inside)

  const focusAfterExit = useCallback(() => {
    const left = leaving.current
    if (!left || shown.current.some((person) => person.key === left.key)) return
    leaving.current = null
    // Only the focus the pressed button took with it; a person who went on elsewhere keeps their place.
    const lost = () => document.activeElement === null || document.activeElement === document.body
    if (!lost()) return
    const exits = listRef.current?.querySelectorAll<HTMLButtonElement>('button') ?? []
    const next = exits[Math.min(left.index, exits.length - 1)]
    if (next) next.focus()
    else onEmptied()
    // Nobody left and no entry form for this person: the count, which now reads 0.
    if (lost()) countRef.current?.focus()
  }, [onEmptied])

  useEffect(() => {
    shown.current = inside
    focusAfterExit()
  }, [inside, focusAfterExit])

  const exit = async (person: PermitCardDto['inside'][number], index: number) => {
    if (!(await recordExit(personRefOf(person), person.name))) return
    leaving.current = { key: person.key, index }
    focusAfterExit()
  }
  return (
    <>
      <Typography component="p" ref={countRef} tabIndex={-1} sx={{ mb: 1 }}>
        <BigNumber>{inside.length}</BigNumber> <span>inside now</span>
      </Typography>
      <List aria-label="Inside now" dense ref={listRef}>
        {inside.map((person, index) => (
          <ListItem
            key={person.key}
            divider
            secondaryAction={
              mayRecordExit ? (
                <Button
                  variant="contained"
                  color="secondary"
                  size="large"
                  aria-label={`Exit ${person.name}`}
                  onClick={() => void exit(person, index)}
                >
                  Exit
                </Button>
              ) : null
            }
          >
            <ListItemText
              primary={<PersonLink personKey={person.key}>{person.name}</PersonLink>}
              secondary={`In since ${formatShortTime(person.since)}`}
              slotProps={{ primary: { sx: { fontSize: '1.25rem', fontWeight: 600 } } }}
            />
          </ListItem>
        ))}
      </List>
    </>
  )
}
