import MenuItem from '@mui/material/MenuItem'
import { useState } from 'react'
import { instrumentStatuses, instrumentStatusLabels } from '../../../../../shared/contract/instruments'
import type { InstrumentDto } from '../../../../../shared/contract/instruments'
import { gases } from '../../../../../shared/domain/gases'
import type { Gas } from '../../../../../shared/domain/gases'
import { precheck } from '../../../errors/contract-check'
import type { LocalIssue, Problem } from '../../../errors/problem'
import { fromLocalDate, fromLocalInput, toLocalDate, toLocalInput } from '../../../format/local-datetime'
import { FormDialog } from '../../../ui/FormDialog'
import { IssueTextField } from '../../../ui/IssueTextField'
import type { InstrumentPrefill } from '../instruments-store'
import { useInstruments } from '../use-instruments'
import { SensorsField } from './SensorsField'

type Status = (typeof instrumentStatuses)[number]

/** Registers a gas monitor, or changes one: where it belongs, what it measures, when it was last checked. */
export function InstrumentDialog({
  instrument,
  prefill,
  onSaved,
}: {
  instrument: InstrumentDto | null
  prefill: InstrumentPrefill | null
  onSaved?(instrument: InstrumentDto): void
}) {
  const sites = useInstruments((state) => state.sites)
  const saving = useInstruments((state) => state.saving)
  const serverProblem = useInstruments((state) => state.dialogProblem)
  const saveInstrument = useInstruments((state) => state.saveInstrument)
  const closeDialog = useInstruments((state) => state.closeDialog)
  const onlySite = sites.length === 1 ? String(sites[0]?.id ?? '') : ''
  const [siteId, setSiteId] = useState(
    instrument ? String(instrument.siteId) : prefill ? String(prefill.siteId) : onlySite,
  )
  const [serial, setSerial] = useState(instrument?.serial ?? prefill?.serial ?? '')
  const [name, setName] = useState(instrument?.name ?? '')
  const [model, setModel] = useState(instrument?.model ?? '')
  const [sensors, setSensors] = useState<Gas[]>(instrument?.sensors ?? [...gases])
  const [lastBump, setLastBump] = useState(instrument?.lastBumpAt ? toLocalInput(instrument.lastBumpAt) : '')
  const [calibrationDue, setCalibrationDue] = useState(
    instrument?.calibrationDueAt ? toLocalDate(instrument.calibrationDueAt) : '',
  )
  const [status, setStatus] = useState<Status>(instrument?.status ?? 'in_service')
  const [ownProblem, setOwnProblem] = useState<Problem | null>(null)
  const problem = ownProblem ?? serverProblem

  const submit = async () => {
    const lastBumpAt = lastBump.trim() === '' ? null : fromLocalInput(lastBump)
    const calibrationDueAt = calibrationDue.trim() === '' ? null : fromLocalDate(calibrationDue)
    const issues: LocalIssue[] = [
      ...(siteId === '' ? [{ path: 'siteId', message: 'is required: choose the site' }] : []),
      ...(lastBump.trim() !== '' && lastBumpAt === null
        ? [{ path: 'lastBumpAt', message: 'must be a date and time' }]
        : []),
      ...(calibrationDue.trim() !== '' && calibrationDueAt === null
        ? [{ path: 'calibrationDueAt', message: 'must be a date' }]
        : []),
    ]
    const form = { siteId: Number(siteId), serial, name, model, sensors, lastBumpAt, calibrationDueAt, status }
    const found = precheck('instruments.save', form, issues)
    setOwnProblem(found)
    if (found) return
    const saved = await saveInstrument(form)
    if (saved) onSaved?.(saved)
  }

  return (
    <FormDialog
      title={instrument ? `Edit instrument ${instrument.serial}` : 'Register instrument'}
      submitLabel={instrument ? 'Save instrument' : 'Register instrument'}
      saving={saving}
      onSubmit={() => void submit()}
      onClose={closeDialog}
      problem={problem}
    >
      <IssueTextField
        field="serial"
        label="Serial"
        value={serial}
        onChange={setSerial}
        problem={problem}
        autoFocus={!prefill}
        required
        hint="As printed on the monitor; readings and tests name it by this."
      />
      <IssueTextField
        field="name"
        label="Name"
        value={name}
        onChange={setName}
        problem={problem}
        autoFocus={prefill !== null}
        required
        hint="What people call it, e.g. Crew 2 four-gas."
      />
      <IssueTextField field="model" label="Model" value={model} onChange={setModel} problem={problem} />
      <IssueTextField select field="siteId" label="Site" value={siteId} onChange={setSiteId} problem={problem} required>
        {sites.map((site) => (
          <MenuItem key={site.id} value={String(site.id)}>
            {site.name}
          </MenuItem>
        ))}
      </IssueTextField>
      <SensorsField value={sensors} onChange={setSensors} problem={problem} />
      <IssueTextField
        field="lastBumpAt"
        label="Last bump test"
        type="datetime-local"
        value={lastBump}
        onChange={setLastBump}
        problem={problem}
        hint="A bump test is due before each day’s use."
      />
      <IssueTextField
        field="calibrationDueAt"
        label="Calibration due"
        type="date"
        value={calibrationDue}
        onChange={setCalibrationDue}
        problem={problem}
      />
      <IssueTextField
        select
        field="status"
        label="Status"
        value={status}
        onChange={(value) => setStatus(instrumentStatuses.find((candidate) => candidate === value) ?? 'in_service')}
        problem={problem}
      >
        {instrumentStatuses.map((value) => (
          <MenuItem key={value} value={value}>
            {instrumentStatusLabels[value]}
          </MenuItem>
        ))}
      </IssueTextField>
    </FormDialog>
  )
}
