import Checkbox from '@mui/material/Checkbox'
import FormControlLabel from '@mui/material/FormControlLabel'
import FormHelperText from '@mui/material/FormHelperText'
import MenuItem from '@mui/material/MenuItem'
import { useState } from 'react'
import { defaultRawReadingDays, minRawReadingDays, type SiteDto } from '../../../../../shared/contract/sites'
import { limitProfileIds, limitProfiles } from '../../../../../shared/domain/limit-profiles'
import { precheck } from '../../../errors/contract-check'
import type { Problem } from '../../../errors/problem'
import { FormDialog } from '../../../ui/FormDialog'
import { IssueTextField } from '../../../ui/IssueTextField'
import { useSites } from '../use-sites'

export function SiteDialog({ site }: { site: SiteDto | null }) {
  const saving = useSites((state) => state.saving)
  const serverProblem = useSites((state) => state.dialogProblem)
  const saveSite = useSites((state) => state.saveSite)
  const closeDialog = useSites((state) => state.closeDialog)
  const [code, setCode] = useState(site?.code ?? '')
  const [name, setName] = useState(site?.name ?? '')
  const [limitProfile, setLimitProfile] = useState(site?.limitProfile ?? 'factory')
  const [minutes, setMinutes] = useState(String(site?.maxTestAgeMinutes ?? 30))
  const [gapSeconds, setGapSeconds] = useState(String(site?.maxReadingGapSeconds ?? 60))
  const [entryRequiresGrant, setEntryRequiresGrant] = useState(site?.entryRequiresGrant ?? false)
  const [pendingDays, setPendingDays] = useState(String(site?.pendingRequestDays ?? 7))
  const [rawDays, setRawDays] = useState(String(site?.rawReadingDays ?? defaultRawReadingDays))
  const [ownProblem, setOwnProblem] = useState<Problem | null>(null)
  const problem = ownProblem ?? serverProblem
  const profile = limitProfileIds.map((id) => limitProfiles[id]).find((candidate) => candidate.id === limitProfile)

  const submit = () => {
    const maxTestAgeMinutes = /^\d+$/.test(minutes.trim()) ? Number(minutes) : null
    const maxReadingGapSeconds = /^\d+$/.test(gapSeconds.trim()) ? Number(gapSeconds) : null
    const pendingRequestDays = /^\d+$/.test(pendingDays.trim()) ? Number(pendingDays) : null
    const rawReadingDays = /^\d+$/.test(rawDays.trim()) ? Number(rawDays) : null
    const notWhole = (path: string, value: number | null, unit: string) =>
      value === null ? [{ path, message: `must be a whole number of ${unit}` }] : []
    // Every setting is sent: one left out would be saved back as its default.
    const form = {
      code,
      name,
      limitProfile,
      maxTestAgeMinutes: maxTestAgeMinutes ?? 0,
      maxReadingGapSeconds: maxReadingGapSeconds ?? 0,
      entryRequiresGrant,
      pendingRequestDays: pendingRequestDays ?? 0,
      rawReadingDays: rawReadingDays ?? 0,
    }
    const found = precheck('sites.save', form, [
      ...notWhole('maxTestAgeMinutes', maxTestAgeMinutes, 'minutes'),
      ...notWhole('maxReadingGapSeconds', maxReadingGapSeconds, 'seconds'),
      ...notWhole('pendingRequestDays', pendingRequestDays, 'days'),
      ...notWhole('rawReadingDays', rawReadingDays, 'days'),
    ])
    setOwnProblem(found)
    if (!found) void saveSite(form)
  }

  return (
    <FormDialog
      title={site ? `Edit site ${site.code}` : 'New site'}
      submitLabel={site ? 'Save site' : 'Create site'}
      saving={saving}
      onSubmit={submit}
      onClose={closeDialog}
      problem={problem}
    >
      <IssueTextField field="code" label="Code" value={code} onChange={setCode} problem={problem} autoFocus required />
      <IssueTextField field="name" label="Name" value={name} onChange={setName} problem={problem} required />
      <IssueTextField
        select
        field="limitProfile"
        label="Limit profile"
        value={limitProfile}
        onChange={setLimitProfile}
        problem={problem}
        hint={profile?.source}
      >
        {limitProfileIds.map((id) => (
          <MenuItem key={id} value={id}>
            {limitProfiles[id].label}
          </MenuItem>
        ))}
      </IssueTextField>
      <IssueTextField
        field="maxTestAgeMinutes"
        label="Test freshness (minutes)"
        value={minutes}
        onChange={setMinutes}
        problem={problem}
        hint="An atmospheric test older than this no longer admits entry."
      />
      <IssueTextField
        field="maxReadingGapSeconds"
        label="Monitor silence before a stale alarm (seconds)"
        value={gapSeconds}
        onChange={setGapSeconds}
        problem={problem}
        hint="A live monitor quiet for longer than this raises a low-priority stale-feed alarm."
      />
      <FormControlLabel
        sx={{ mt: 1 }}
        label="Entry needs an entrant grant"
        control={
          <Checkbox
            name="entryRequiresGrant"
            checked={entryRequiresGrant}
            onChange={(event) => setEntryRequiresGrant(event.target.checked)}
            slotProps={{ input: { 'aria-describedby': 'entry-requires-grant-hint' } }}
          />
        }
      />
      <FormHelperText id="entry-requires-grant-hint" sx={{ mt: 0, mx: 1.75 }}>
        An entrant also needs a running space:&lt;tag&gt; entrant grant, approved by a supervisor; a refusal names it.
      </FormHelperText>
      <IssueTextField
        field="pendingRequestDays"
        label="Undecided space requests expire after (days)"
        value={pendingDays}
        onChange={setPendingDays}
        problem={problem}
        hint="A request for one of this site's spaces that nobody decides in time expires, and its requester is told."
      />
      <IssueTextField
        field="rawReadingDays"
        label="Raw gas readings kept after a permit ends (days)"
        value={rawDays}
        onChange={setRawDays}
        problem={problem}
        hint={`At least ${String(minRawReadingDays)} (a year after the permit closes, 1910.146(e)(6)). After that only the per-minute, per-hour and per-day summaries remain.`}
      />
    </FormDialog>
  )
}
