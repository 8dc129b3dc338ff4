import type { InstrumentDto } from '../../../../../shared/contract/instruments'
import { useInstruments } from '../use-instruments'
import { InstrumentDialog } from './InstrumentDialog'

/** The instrument dialog the store has open, if any; `onSaved` hears the instrument it saved. */
export function InstrumentDialogs({ onSaved }: { onSaved?(instrument: InstrumentDto): void }) {
  const dialog = useInstruments((state) => state.dialog)
  switch (dialog?.kind) {
    case 'create':
      return <InstrumentDialog instrument={null} prefill={dialog.prefill} onSaved={onSaved} />
    case 'edit':
      return (
        <InstrumentDialog key={dialog.instrument.id} instrument={dialog.instrument} prefill={null} onSaved={onSaved} />
      )
    default:
      return null
  }
}
