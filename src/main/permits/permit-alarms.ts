import type { AtmosphereStatus } from '../../shared/domain/atmosphere'
import type { PermitState } from '../../shared/domain/permit-lifecycle'
import type { OpenEvacuation } from '../evacuations/evacuation-repository'

const people = (n: number) => (n === 1 ? '1 person' : `${n} people`)

/**
 * What needs someone's attention now, worded for a control room. 1910.146(i): the attendant
 * orders everyone out on a prohibited condition, so people inside make every alarm louder.
 */
export function permitAlarms(input: {
  state: PermitState
  insideCount: number
  attendantsOnDuty: number
  atmosphere: AtmosphereStatus
  evacuation: OpenEvacuation | null
  maxTestAgeMs: number
}): string[] {
  const { state, insideCount, attendantsOnDuty, atmosphere, evacuation, maxTestAgeMs } = input
  const alarms: string[] = []
  if (evacuation && evacuation.stillInside.length > 0) {
    alarms.push(`Evacuation ordered: ${people(evacuation.stillInside.length)} still inside.`)
  }
  if (insideCount > 0 && state === 'expired')
    alarms.push(`Permit expired with ${people(insideCount)} inside: get everyone out.`)
  if (insideCount > 0 && state === 'suspended' && !evacuation)
    alarms.push(`Permit suspended with ${people(insideCount)} inside.`)
  if (insideCount > 0 && (state === 'closed' || state === 'cancelled')) {
    alarms.push(`Permit ${state} but the log shows ${people(insideCount)} inside: check the space.`)
  }
  if (atmosphere.status === 'red') {
    alarms.push(
      insideCount > 0
        ? `Prohibited atmosphere with ${people(insideCount)} inside: ${atmosphere.reasons[0] ?? ''}`.trim()
        : `Atmosphere outside the permit's conditions: ${atmosphere.reasons[0] ?? ''}`.trim(),
    )
  }
  if (insideCount > 0 && attendantsOnDuty === 0)
    alarms.push(`No attendant on duty while ${people(insideCount)} inside.`)
  if (insideCount > 0 && atmosphere.status === 'none')
    alarms.push(`No atmospheric test on record while ${people(insideCount)} inside.`)
  if (insideCount > 0 && atmosphere.ageMs !== null && atmosphere.ageMs > maxTestAgeMs) {
    alarms.push(`Atmospheric test is stale while ${people(insideCount)} inside: test again.`)
  }
  return alarms
}
