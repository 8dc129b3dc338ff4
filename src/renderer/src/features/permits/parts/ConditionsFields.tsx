import Box from '@mui/material/Box'
import Typography from '@mui/material/Typography'
import { conditionsViolations, defaultConditionsFor } from '../../../../../shared/domain/limit-profiles'
import type { ConditionField } from '../../../../../shared/domain/limit-profiles'
import { formatGasValue } from '../../../../../shared/domain/gases'
import type { Gas } from '../../../../../shared/domain/gases'
import { IssueTextField } from '../../../ui/IssueTextField'
import { conditionFields, parseConditions } from '../permit-draft'
import { siteProfile } from '../site-profile'
import { usePermitForm } from '../use-permit-form'

const fieldSpecs: Record<ConditionField, { label: string; gas: Gas; stricter: string }> = {
  o2Min: { label: 'O2 minimum (% vol)', gas: 'o2', stricter: 'may only be raised' },
  o2Max: { label: 'O2 maximum (% vol)', gas: 'o2', stricter: 'may only be lowered' },
  lelMax: { label: 'LEL maximum (% LEL)', gas: 'lel', stricter: 'may only be lowered' },
  h2sMax: { label: 'H2S maximum (ppm)', gas: 'h2s', stricter: 'may only be lowered' },
  coMax: { label: 'CO maximum (ppm)', gas: 'co', stricter: 'may only be lowered' },
}

/**
 * (f)(9): acceptable entry conditions, prefilled from the site's limit profile. A permit may
 * make them stricter, never looser; a looser value is flagged while it is typed.
 */
export function ConditionsFields() {
  const conditions = usePermitForm((state) => state.draft.conditions)
  const siteId = usePermitForm((state) => state.draft.space?.siteId)
  const sites = usePermitForm((state) => state.sites)
  const problem = usePermitForm((state) => state.problem)
  const update = usePermitForm((state) => state.update)
  const profile = siteProfile(sites, siteId)
  const base = profile ? defaultConditionsFor(profile) : null
  const parsed = parseConditions(conditions).conditions
  const looser = base && parsed ? conditionsViolations(parsed, base) : []
  return (
    <Box>
      <Typography sx={{ color: 'text.secondary' }}>
        {profile
          ? `Prefilled from the site's limit profile (${profile.label}). You may only make them stricter: raise the oxygen minimum, lower any maximum. Entry needs every reading strictly inside them.`
          : 'Choose the space first: the conditions start from its site’s limit profile, and may only be made stricter.'}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: 'repeat(5, 1fr)' }, columnGap: 2 }}>
        {conditionFields.map((field) => {
          const spec = fieldSpecs[field]
          return (
            <IssueTextField
              key={field}
              field={`conditions.${field}`}
              label={spec.label}
              value={conditions[field]}
              onChange={(value) => update({ conditions: { ...conditions, [field]: value } })}
              problem={problem}
              warning={looser.find((violation) => violation.field === field)?.message}
              hint={base ? `Profile ${formatGasValue(spec.gas, base[field])}; ${spec.stricter}.` : undefined}
            />
          )
        })}
      </Box>
    </Box>
  )
}
