import Autocomplete, { createFilterOptions } from '@mui/material/Autocomplete'
import TextField from '@mui/material/TextField'
import { useEffect, useMemo, useState } from 'react'
import type { InstrumentDto } from '../../../../../shared/contract/instruments'
import { issueAt } from '../../../errors/problem'
import type { Problem } from '../../../errors/problem'
import { InstrumentDialogs } from '../../instruments/parts/InstrumentDialogs'
import { useInstruments } from '../../instruments/use-instruments'
import { useMayCall } from '../../session/use-access'

type Option = { kind: 'instrument'; instrument: InstrumentDto } | { kind: 'register'; serial: string }

const readinessNote = (instrument: InstrumentDto): string =>
  [instrument.bumpOverdue ? 'bump test overdue' : null, instrument.calibrationOverdue ? 'calibration overdue' : null]
    .filter((note) => note !== null)
    .join(', ')

function optionLabel(option: Option): string {
  if (option.kind === 'register') return `Register “${option.serial}”`
  const { serial, name } = option.instrument
  const note = readinessNote(option.instrument)
  return `${serial} — ${name}${note ? ` (${note})` : ''}`
}

const matchInstruments = createFilterOptions<Option>({
  stringify: (option) =>
    option.kind === 'instrument'
      ? `${option.instrument.serial} ${option.instrument.name} ${option.instrument.model}`
      : '',
})

const sameSerial = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase()

/**
 * The monitor a test was taken with, chosen from the site's register (in service only). A serial
 * that is not registered is offered for registration to those who keep the register; everyone
 * else is told whom to ask, since the server refuses a test from an unregistered monitor.
 */
export function InstrumentField({
  siteId,
  value,
  onChange,
  problem,
}: {
  siteId: number
  value: InstrumentDto | null
  onChange(instrument: InstrumentDto | null): void
  problem: Problem | null
}) {
  const mayRegister = useMayCall('instruments.save')
  const openChoices = useInstruments((state) => state.openChoices)
  const choices = useInstruments((state) => state.choices)
  const choicesProblem = useInstruments((state) => state.choicesProblem)
  const openDialog = useInstruments((state) => state.openDialog)
  const closeDialog = useInstruments((state) => state.closeDialog)
  const [input, setInput] = useState('')
  useEffect(() => openChoices(siteId), [openChoices, siteId])
  // The dialog belongs to this form: leaving the permit leaves it closed.
  useEffect(() => closeDialog, [closeDialog])

  const registered = useMemo(() => (choices?.siteId === siteId ? choices.items : []), [choices, siteId])
  const options = useMemo<Option[]>(
    () =>
      registered
        .filter((instrument) => instrument.status === 'in_service')
        .map((instrument) => ({ kind: 'instrument', instrument })),
    [registered],
  )
  const typed = input.trim()
  const known = registered.find((instrument) => sameSerial(instrument.serial, typed))
  const unknownSerial = typed !== '' && !known && value === null

  const issue = issueAt(problem, 'instrument')
  const outOfService = known && known.status !== 'in_service' ? `${known.serial} is out of service.` : undefined
  const notRegistered =
    unknownSerial && !mayRegister ? `${typed} is not in the register. Ask a safety officer to register it.` : undefined
  const readiness = value ? readinessNote(value) : ''
  const helper =
    issue ??
    outOfService ??
    notRegistered ??
    choicesProblem ??
    (readiness
      ? `Warning: ${readiness}. A pre-entry test with it is refused; a periodic test is recorded and flagged.`
      : 'Choose the monitor from the register by serial or name.')

  return (
    <>
      <Autocomplete
        options={options}
        value={value ? { kind: 'instrument', instrument: value } : null}
        inputValue={input}
        onInputChange={(_event, next) => setInput(next)}
        onChange={(_event, chosen) => {
          if (chosen?.kind === 'register') openDialog({ kind: 'create', prefill: { serial: chosen.serial, siteId } })
          else onChange(chosen?.instrument ?? null)
        }}
        getOptionLabel={optionLabel}
        getOptionKey={(option) => (option.kind === 'instrument' ? option.instrument.id : `register:${option.serial}`)}
        isOptionEqualToValue={(option, chosen) =>
          option.kind === 'instrument' && chosen.kind === 'instrument' && option.instrument.id === chosen.instrument.id
        }
        filterOptions={(candidates, state): Option[] => {
          const matches = matchInstruments(candidates, state)
          const term = state.inputValue.trim()
          const isRegistered = registered.some((instrument) => sameSerial(instrument.serial, term))
          return term !== '' && mayRegister && !isRegistered
            ? [...matches, { kind: 'register', serial: term } satisfies Option]
            : matches
        }}
        noOptionsText={notRegistered ?? outOfService ?? 'No instrument of this site matches.'}
        autoHighlight
        renderInput={(params) => (
          <TextField
            {...params}
            name="instrument"
            label="Instrument"
            required
            error={issue !== undefined || outOfService !== undefined || notRegistered !== undefined}
            helperText={helper}
          />
        )}
      />
      {mayRegister ? (
        <InstrumentDialogs
          onSaved={(saved) => {
            if (saved.status === 'in_service' && saved.siteId === siteId) onChange(saved)
          }}
        />
      ) : null}
    </>
  )
}
