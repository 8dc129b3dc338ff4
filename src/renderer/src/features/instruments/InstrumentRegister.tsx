import { useEffect } from 'react'
import { ProblemAlert } from '../../ui/ProblemAlert'
import { InstrumentDialogs } from './parts/InstrumentDialogs'
import { InstrumentFilters } from './parts/InstrumentFilters'
import { InstrumentsTable } from './parts/InstrumentsTable'
import { useInstruments } from './use-instruments'

/** The register of gas monitors, per site, with whether each may be trusted for a test now. */
export function InstrumentRegister() {
  const open = useInstruments((state) => state.open)
  const problem = useInstruments((state) => state.problem)
  useEffect(() => open(), [open])
  return (
    <>
      <InstrumentFilters />
      <ProblemAlert message={problem} />
      <InstrumentsTable />
      <InstrumentDialogs />
    </>
  )
}
