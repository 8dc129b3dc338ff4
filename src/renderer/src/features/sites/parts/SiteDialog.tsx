import MenuItem from '@mui/material/MenuItem'
import { useState } from 'react'
import type { SiteDto } from '../../../../../shared/contract/sites'
import { limitProfileIds, limitProfiles } from '../../../../../shared/domain/limit-profiles'
import { fieldProblem, messageOutside } from '../../../errors/problem'
import { FormDialog } from '../../../ui/FormDialog'
import { IssueTextField } from '../../../ui/IssueTextField'
import { useSites } from '../use-sites'

const fields = ['code', 'name', 'limitProfile', 'maxTestAgeMinutes', 'maxReadingGapSeconds']

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
  const [minutesInvalid, setMinutesInvalid] = useState(false)
  const [gapInvalid, setGapInvalid] = useState(false)
  const problem = minutesInvalid
    ? fieldProblem('maxTestAgeMinutes', 'must be a whole number of minutes')
    : gapInvalid
      ? fieldProblem('maxReadingGapSeconds', 'must be a whole number of seconds')
      : serverProblem
  const profile = limitProfileIds.map((id) => limitProfiles[id]).find((candidate) => candidate.id === limitProfile)

  const submit = () => {
    const maxTestAgeMinutes = /^\d+$/.test(minutes.trim()) ? Number(minutes) : null
    const maxReadingGapSeconds = /^\d+$/.test(gapSeconds.trim()) ? Number(gapSeconds) : null
    setMinutesInvalid(maxTestAgeMinutes === null)
    setGapInvalid(maxReadingGapSeconds === null)
    if (maxTestAgeMinutes === null || maxReadingGapSeconds === null) return
    void saveSite({ code, name, limitProfile, maxTestAgeMinutes, maxReadingGapSeconds })
  }

  return (
    <FormDialog
      title={site ? `Edit site ${site.code}` : 'New site'}
      submitLabel={site ? 'Save site' : 'Create site'}
      saving={saving}
      onSubmit={submit}
      onClose={closeDialog}
      alert={messageOutside(problem, fields)}
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
    </FormDialog>
  )
}
