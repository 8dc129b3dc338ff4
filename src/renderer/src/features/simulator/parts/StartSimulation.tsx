import Autocomplete from '@mui/material/Autocomplete'
import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import { useMemo, useState } from 'react'
import type { PermitCardDto } from '../../../../../shared/contract/permits'
import { useSimulator } from '../use-simulator'

/** simulator.start takes at most this many permits at once. */
const maxPermits = 20

const permitLabel = (card: PermitCardDto): string => `${card.number} — ${card.spaceTag}, ${card.siteName}`

/** Chooses permits without a simulated monitor and starts one on each. */
export function StartSimulation() {
  const candidates = useSimulator((state) => state.candidates)
  const running = useSimulator((state) => state.running)
  const busy = useSimulator((state) => state.busy)
  const start = useSimulator((state) => state.start)
  const [chosen, setChosen] = useState<PermitCardDto[]>([])
  const options = useMemo(() => {
    const simulated = new Set(running.map((entry) => entry.permitId))
    return candidates.filter((card) => !simulated.has(card.id))
  }, [candidates, running])
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'center' }, mb: 2 }}>
      <Autocomplete
        multiple
        options={options}
        value={chosen}
        onChange={(_event, next) => setChosen(next.slice(0, maxPermits))}
        getOptionLabel={permitLabel}
        isOptionEqualToValue={(option, value) => option.id === value.id}
        renderInput={(params) => (
          <TextField {...params} label="Permits to simulate" margin="none" helperText="Up to 20 at once." />
        )}
        sx={{ flex: '1 1 auto', maxWidth: 720 }}
      />
      <Button
        variant="contained"
        disabled={busy || chosen.length === 0}
        onClick={() =>
          void start(chosen.map((card) => card.id)).then((started) => {
            if (started) setChosen([])
          })
        }
      >
        Start simulation
      </Button>
    </Stack>
  )
}
