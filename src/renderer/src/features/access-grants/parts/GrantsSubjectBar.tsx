import Autocomplete from '@mui/material/Autocomplete'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import ToggleButton from '@mui/material/ToggleButton'
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup'
import { useMemo, useState } from 'react'
import type { ResourceDto } from '../../../../../shared/contract/access'
import { ResourceField } from '../../access/parts/ResourceField'
import { usePeopleWithRole } from '../../people/use-people'
import type { Person } from '../grants-store'
import { useGrants } from '../use-grants'

/** Whose grants: pick a resource, or a person (from the directory, or any holder already listed). */
export function GrantsSubjectBar({ resources }: { resources: readonly ResourceDto[] }) {
  const subject = useGrants((state) => state.subject)
  const current = useGrants((state) => state.current)
  const items = useGrants((state) => state.items)
  const show = useGrants((state) => state.show)
  const setCurrent = useGrants((state) => state.setCurrent)
  const { people } = usePeopleWithRole(null)
  const [by, setBy] = useState<'resource' | 'person'>(subject?.by ?? 'resource')
  const [seen, setSeen] = useState<Person[]>([])
  // The directory is for those who may read it; holders already shown can always be picked.
  const choices = useMemo(() => {
    const all = new Map<number, Person>()
    for (const person of people) all.set(person.id, { id: person.id, name: person.displayName })
    for (const person of [...seen, ...items.map((grant) => grant.holder)]) all.set(person.id, person)
    return [...all.values()].sort((a, b) => a.name.localeCompare(b.name))
  }, [people, seen, items])
  const resource =
    subject?.by === 'resource' ? resources.find((candidate) => candidate.id === subject.resourceId) : undefined
  const person = subject?.by === 'person' ? subject.person : null
  return (
    <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center', mb: 2 }}>
      <ToggleButtonGroup
        exclusive
        value={by}
        onChange={(_event, value: 'resource' | 'person' | null) => {
          if (!value) return
          setBy(value)
          if (value === 'person' && subject?.by === 'resource') setSeen(items.map((grant) => grant.holder))
        }}
        aria-label="Show grants"
      >
        <ToggleButton value="resource">Per resource</ToggleButton>
        <ToggleButton value="person">Per person</ToggleButton>
      </ToggleButtonGroup>
      {by === 'resource' ? (
        <Stack sx={{ width: 420 }}>
          <ResourceField
            resources={resources}
            value={resource ?? null}
            onChange={(chosen) => (chosen ? show({ by: 'resource', resourceId: chosen.id }) : undefined)}
            problem={null}
          />
        </Stack>
      ) : (
        <Autocomplete
          options={choices}
          value={person}
          onChange={(_event, chosen) => (chosen ? show({ by: 'person', person: chosen }) : undefined)}
          getOptionLabel={(option) => option.name}
          isOptionEqualToValue={(option, chosen) => option.id === chosen.id}
          renderInput={(params) => <TextField {...params} label="Person" />}
          sx={{ width: 420 }}
        />
      )}
      <ToggleButtonGroup
        exclusive
        value={current ? 'current' : 'past'}
        onChange={(_event, value: 'current' | 'past' | null) => (value ? setCurrent(value === 'current') : undefined)}
        aria-label="Which grants"
      >
        <ToggleButton value="current">Current</ToggleButton>
        <ToggleButton value="past">Past</ToggleButton>
      </ToggleButtonGroup>
    </Stack>
  )
}
