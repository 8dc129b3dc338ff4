import './messages'
import type { z } from 'zod'
import { auditProcedures } from './audit'
import { identityProcedures } from './identity'
import { systemProcedures } from './system'

/** Every procedure of Gatehouse. The key is the path on every transport. */
export const procedures = {
  ...identityProcedures,
  ...auditProcedures,
  ...systemProcedures,
}

export type Procedures = typeof procedures
export type ProcedurePath = keyof Procedures
export type ProcedureInput<P extends ProcedurePath> = z.input<Procedures[P]['input']>
export type ParsedInput<P extends ProcedurePath> = z.output<Procedures[P]['input']>
export type ProcedureOutput<P extends ProcedurePath> = z.output<Procedures[P]['output']>

export const procedurePaths = Object.keys(procedures) as ProcedurePath[]

export const isProcedurePath = (path: string): path is ProcedurePath =>
  Object.prototype.hasOwnProperty.call(procedures, path)
