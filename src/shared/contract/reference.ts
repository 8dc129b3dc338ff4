import { sample } from 'openapi-sampler'
import type { JSONSchema7 } from 'json-schema'
import { z } from 'zod'
import { accessProcedures } from './access'
import { alarmProcedures } from './alarms'
import { atmosphereProcedures } from './atmosphere'
import { attendantProcedures } from './attendants'
import { auditProcedures } from './audit'
import type { ProcedureDef } from './define'
import { deviceProcedures } from './devices'
import { entryProcedures } from './entries'
import { evidenceProcedures } from './evidence'
import { evacuationProcedures } from './evacuations'
import { exposureProcedures } from './exposure'
import { gasExportProcedures } from './gas-export'
import { events } from './events'
import type { EventName } from './events'
import { datalogProcedures } from './datalog'
import { demoProcedures, handoverProcedures } from './handover'
import { identityProcedures } from './identity'
import { instrumentProcedures } from './instruments'
import { notificationProcedures } from './notifications'
import { permitProcedures } from './permits'
import { allows, deviceProcedurePolicy, procedurePolicy } from './policy'
import type { Access } from './policy'
import { procedurePaths, procedures } from './procedures'
import type { ProcedurePath } from './procedures'
import { readingProcedures } from './readings'
import { retentionProcedures } from './retention'
import { roleLabels } from './roles'
import type { Role } from './roles'
import { simulatorProcedures } from './simulator'
import { siteProcedures } from './sites'
import { spaceProcedures } from './spaces'
import { systemProcedures } from './system'
import { databaseProcedures } from './database-restore'
import { trendProcedures } from './trends'

/**
 * The contract described for a reader: the generated reference (npm run docs) and the API
 * playground both read it from here, so the two can never say different things.
 */

export interface Capability {
  id: string
  title: string
  summary: string
  procedures: Record<string, ProcedureDef>
}

/** The capabilities in the order a reader meets them; every procedure belongs to exactly one. */
export const capabilities: readonly Capability[] = [
  {
    id: 'identity',
    title: 'Identity and accounts',
    summary: 'Sign-in, sessions, accounts, roles and managers.',
    procedures: identityProcedures,
  },
  {
    id: 'audit',
    title: 'Audit trail',
    summary: 'The hash-chained record of every write.',
    procedures: auditProcedures,
  },
  {
    id: 'system',
    title: 'System',
    summary: 'System information, backups and restoring one, and the database’s integrity checks.',
    procedures: { ...systemProcedures, ...databaseProcedures },
  },
  { id: 'sites', title: 'Sites', summary: 'Sites and their settings.', procedures: siteProcedures },
  { id: 'spaces', title: 'Confined spaces', summary: 'The register of confined spaces.', procedures: spaceProcedures },
  {
    id: 'permits',
    title: 'Entry permits',
    summary: 'Permits through their lifecycle and the board.',
    procedures: permitProcedures,
  },
  { id: 'attendants', title: 'Attendants', summary: 'Attendants on duty and relief.', procedures: attendantProcedures },
  { id: 'entries', title: 'Entries and exits', summary: 'Who is inside each space.', procedures: entryProcedures },
  {
    id: 'atmosphere',
    title: 'Atmospheric tests',
    summary: 'Tests of the atmosphere before and during entry.',
    procedures: atmosphereProcedures,
  },
  {
    id: 'evacuations',
    title: 'Evacuations',
    summary: 'Evacuation orders and their roll call.',
    procedures: evacuationProcedures,
  },
  {
    id: 'handover',
    title: 'Shift handover',
    summary: 'The signed shift handover report.',
    procedures: handoverProcedures,
  },
  {
    id: 'demo',
    title: 'Demonstration site',
    summary: 'Loading and removing the demo site.',
    procedures: demoProcedures,
  },
  {
    id: 'instruments',
    title: 'Gas monitors',
    summary: 'The register of gas monitors and their calibration.',
    procedures: instrumentProcedures,
  },
  {
    id: 'readings',
    title: 'Gas readings',
    summary: 'Readings from every source, the field API and live values.',
    procedures: readingProcedures,
  },
  {
    id: 'alarms',
    title: 'Alarms',
    summary: 'Gas alarms, their acknowledgement and history.',
    procedures: alarmProcedures,
  },
  {
    id: 'devices',
    title: 'Field devices',
    summary: 'Tokens for gas gateways and monitors.',
    procedures: deviceProcedures,
  },
  { id: 'simulator', title: 'Simulator', summary: 'Simulated monitors for training.', procedures: simulatorProcedures },
  {
    id: 'access',
    title: 'Access governance',
    summary: 'The catalogue, requests, approvals, grants and reviews.',
    procedures: accessProcedures,
  },
  {
    id: 'evidence',
    title: 'Evidence for reviewers',
    summary: 'A permit’s evidence pack and the annual programme review.',
    procedures: evidenceProcedures,
  },
  {
    id: 'trends',
    title: 'Gas trends',
    summary: 'The four gases of a permit, a space or an instrument over any window, downsampled for a chart.',
    procedures: trendProcedures,
  },
  {
    id: 'datalog',
    title: 'Datalog import',
    summary:
      'The datalog of a monitor that was not online, from a CSV file: checked row by row, stored whole or not at all, never twice.',
    procedures: datalogProcedures,
  },
  {
    id: 'exposure',
    title: 'Worker exposure',
    summary: 'Each worker’s 8 h TWA and 15 min STEL of H2S and CO per shift, against the limits, and who went over.',
    procedures: exposureProcedures,
  },
  {
    id: 'gas',
    title: 'Gas data export',
    summary:
      'Readings (raw, per minute or per hour), alarms and exposure of a permit, a space, a person or a time range, as CSV or JSON.',
    procedures: gasExportProcedures,
  },
  {
    id: 'retention',
    title: 'Reading retention',
    summary: 'How long raw gas readings are kept after their permit ends, and what the last run removed.',
    procedures: retentionProcedures,
  },
  {
    id: 'notifications',
    title: 'Notifications',
    summary: 'The in-app inbox.',
    procedures: notificationProcedures,
  },
]

export type JsonSchema = Record<string, unknown>

/** zod's own JSON Schema export (draft 2020-12); a value JSON cannot carry is described as any value. */
const toJsonSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema

export function procedureSchemas(path: ProcedurePath): { input: JsonSchema; output: JsonSchema } {
  const def: ProcedureDef = procedures[path]
  return { input: toJsonSchema(def.input, 'input'), output: toJsonSchema(def.output, 'output') }
}

export const eventNames = Object.keys(events) as EventName[]

export const eventSchema = (name: EventName): JsonSchema => toJsonSchema(events[name].payload, 'output')

/** An input to start from: the required fields with sample values of the right type. */
export function exampleInput(path: ProcedurePath): unknown {
  const { input } = procedureSchemas(path)
  return sample(input as JSONSchema7, { skipNonRequired: true, quiet: true })
}

/** Who may call a procedure, in words. */
export function whoMayCall(access: Access): string {
  if (access === 'public') return 'Anyone, without signing in'
  if (access === 'signedIn') return 'Anyone signed in'
  return access.map((role) => roleLabels[role]).join(', ')
}

export const deviceScopeOf = (path: ProcedurePath): string | undefined =>
  (deviceProcedurePolicy as Partial<Record<ProcedurePath, string>>)[path]

/** The procedures a person with these roles may call: the policy's answer, as the gate gives it. */
export const callableProcedures = (roles: readonly Role[]): ProcedurePath[] =>
  procedurePaths.filter((path) => allows(procedurePolicy[path], roles))

/** The failure codes a procedure can answer, from what the policy and its kind imply. */
export function errorCodesOf(path: ProcedurePath): string[] {
  const access: Access = procedurePolicy[path]
  const codes = ['VALIDATION']
  if (access !== 'public') codes.push('UNAUTHENTICATED')
  // A role list refuses other roles; record-level rules can refuse a signed-in caller too.
  if (access !== 'public') codes.push('FORBIDDEN')
  codes.push('NOT_FOUND')
  if (procedures[path].kind === 'command') codes.push('CONFLICT', 'PRECONDITION_FAILED')
  if (path === 'auth.login' || deviceScopeOf(path)) codes.push('RATE_LIMITED')
  codes.push('INTERNAL')
  return codes
}
