import Button from '@mui/material/Button'
import LinearProgress from '@mui/material/LinearProgress'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useEffect } from 'react'
import type { FormEvent } from 'react'
import { navigate } from '../../app/navigation/hash-route'
import { hrefFor, permitHref } from '../../app/navigation/routes'
import { PageHeader } from '../../ui/PageHeader'
import { IssueSummary } from '../../ui/IssueSummary'
import { ProblemAlert } from '../../ui/ProblemAlert'
import { Section } from '../../ui/Section'
import { useIssueSummary } from '../../ui/use-issue-summary'
import { useSession } from '../session/use-session'
import { ConditionsFields } from './parts/ConditionsFields'
import { EntrantsField } from './parts/EntrantsField'
import { MeasuresChecklist } from './parts/MeasuresChecklist'
import { PermitChipField } from './parts/PermitChipField'
import { PermitTextField } from './parts/PermitTextField'
import { SpaceField } from './parts/SpaceField'
import { SupervisorField } from './parts/SupervisorField'
import { ValidityFields } from './parts/ValidityFields'
import { usePermitForm } from './use-permit-form'

const commonHazards = [
  'Oxygen deficiency',
  'Toxic atmosphere (H2S)',
  'Flammable atmosphere',
  'Engulfment',
  'Entrapment',
]
const commonEquipment = [
  '4-gas monitor',
  'Tripod and winch',
  'Full-body harness',
  'Forced-air ventilation',
  'Two-way radio',
]

/** Creates a permit, or edits a draft, holding every field of 1910.146(f). */
export function PermitFormPage({ permitId }: { permitId: number | null }) {
  const me = useSession((state) => state.user)
  const open = usePermitForm((state) => state.open)
  const ready = usePermitForm((state) => state.ready)
  const number = usePermitForm((state) => state.permitNumber)
  const loadProblem = usePermitForm((state) => state.loadProblem)
  const problem = usePermitForm((state) => state.problem)
  const saving = usePermitForm((state) => state.saving)
  const save = usePermitForm((state) => state.save)
  const { formRef, summary } = useIssueSummary(problem)
  const meId = me?.id
  const meName = me?.displayName
  useEffect(() => {
    if (meId === undefined || meName === undefined) return
    return open(permitId, { id: meId, displayName: meName })
  }, [open, permitId, meId, meName])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const saved = await save()
    if (saved !== null) navigate(permitHref(saved))
  }
  const editing = permitId !== null
  const backHref = editing ? permitHref(permitId) : hrefFor('board')

  return (
    <>
      <PageHeader title={editing ? `Edit permit${number ? ` ${number}` : ''}` : 'New permit'} />
      <ProblemAlert message={loadProblem} />
      {!ready && !loadProblem ? <LinearProgress aria-label="Loading the permit" /> : null}
      {ready ? (
        <form
          ref={formRef}
          noValidate
          aria-label={editing ? 'Edit permit' : 'New permit'}
          onSubmit={(event) => void submit(event)}
        >
          <IssueSummary summary={summary} />
          <Section title="(f)(1)-(3) Space, purpose and validity">
            <SpaceField />
            <PermitTextField field="purpose" label="Purpose of entry" multiline required />
            <ValidityFields />
          </Section>
          <Section title="(f)(4)-(6) People">
            <EntrantsField />
            <SupervisorField />
            <Typography variant="body2" sx={{ mt: 2, color: 'text.secondary' }}>
              (f)(5) Attendants are assigned by shift on the permit page, once the permit is saved.
            </Typography>
          </Section>
          <Section title="(f)(7)-(9) Hazards, controls and acceptable conditions">
            <PermitChipField field="hazards" label="Hazards" itemLabel="Hazard" suggestions={commonHazards} />
            <Typography variant="h3" sx={{ mt: 2 }}>
              Isolation and control measures
            </Typography>
            <MeasuresChecklist />
            <Typography variant="h3" sx={{ mt: 3 }}>
              Acceptable entry conditions
            </Typography>
            <ConditionsFields />
          </Section>
          <Section title="(f)(11)-(15) Rescue, communication, equipment and other permits">
            <PermitTextField field="rescueService" label="Rescue service" required />
            <PermitTextField
              field="rescueContact"
              label="How to summon rescue"
              hint="Phone number, radio channel or alarm, as the attendant would use it."
              required
            />
            <PermitTextField
              field="communicationMethod"
              label="Communication method"
              hint="How entrants and the attendant keep in touch."
              required
            />
            <PermitChipField
              field="equipment"
              label="Equipment"
              itemLabel="Equipment item"
              suggestions={commonEquipment}
            />
            <PermitTextField field="otherSafetyInfo" label="Other safety information" multiline />
            <PermitChipField
              field="relatedPermits"
              label="Related permits"
              itemLabel="Related permit"
              hint="Hot work or other permits issued for this work. Type one and press Enter."
            />
          </Section>
          <Stack direction="row" spacing={2}>
            <Button type="submit" variant="contained" size="large" disabled={saving}>
              {editing ? 'Save changes' : 'Create permit'}
            </Button>
            <Button variant="outlined" size="large" href={backHref}>
              Back without saving
            </Button>
          </Stack>
        </form>
      ) : null}
    </>
  )
}
