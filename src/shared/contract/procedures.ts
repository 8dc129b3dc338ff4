import './messages'
import type { z } from 'zod'
import { auditProcedures } from './audit'
import { identityProcedures } from './identity'
import { systemProcedures } from './system'
import { databaseProcedures } from './database-restore'
import { siteProcedures } from './sites'
import { spaceProcedures } from './spaces'
import { permitProcedures } from './permits'
import { attendantProcedures } from './attendants'
import { entryProcedures } from './entries'
import { atmosphereProcedures } from './atmosphere'
import { evacuationProcedures } from './evacuations'
import { demoProcedures, handoverProcedures } from './handover'
import { instrumentProcedures } from './instruments'
import { readingProcedures } from './readings'
import { alarmProcedures } from './alarms'
import { deviceProcedures } from './devices'
import { simulatorProcedures } from './simulator'
import { accessProcedures } from './access'
import { notificationProcedures } from './notifications'
import { evidenceProcedures } from './evidence'
import { trendProcedures } from './trends'
import { datalogProcedures } from './datalog'
import { exposureProcedures } from './exposure'
import { gasExportProcedures } from './gas-export'
import { retentionProcedures } from './retention'

/** Every procedure of Gatehouse. The key is the path on every transport. */
export const procedures = {
  ...identityProcedures,
  ...auditProcedures,
  ...systemProcedures,
  ...databaseProcedures,
  ...siteProcedures,
  ...spaceProcedures,
  ...permitProcedures,
  ...attendantProcedures,
  ...entryProcedures,
  ...atmosphereProcedures,
  ...evacuationProcedures,
  ...handoverProcedures,
  ...demoProcedures,
  ...instrumentProcedures,
  ...readingProcedures,
  ...alarmProcedures,
  ...deviceProcedures,
  ...simulatorProcedures,
  ...accessProcedures,
  ...notificationProcedures,
  ...evidenceProcedures,
  ...trendProcedures,
  ...datalogProcedures,
  ...exposureProcedures,
  ...gasExportProcedures,
  ...retentionProcedures,
}

export type Procedures = typeof procedures
export type ProcedurePath = keyof Procedures
export type ProcedureInput<P extends ProcedurePath> = z.input<Procedures[P]['input']>
export type ParsedInput<P extends ProcedurePath> = z.output<Procedures[P]['input']>
export type ProcedureOutput<P extends ProcedurePath> = z.output<Procedures[P]['output']>

export const procedurePaths = Object.keys(procedures) as ProcedurePath[]

export const isProcedurePath = (path: string): path is ProcedurePath =>
  Object.prototype.hasOwnProperty.call(procedures, path)
