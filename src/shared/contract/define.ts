import type { z } from 'zod'

/** A procedure of the contract. Queries read; commands change state and are audited. */
export interface ProcedureDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  kind: 'query' | 'command'
  description: string
  input: I
  output: O
}

export const query = <I extends z.ZodType, O extends z.ZodType>(
  def: Omit<ProcedureDef<I, O>, 'kind'>,
): ProcedureDef<I, O> => ({ kind: 'query', ...def })

export const command = <I extends z.ZodType, O extends z.ZodType>(
  def: Omit<ProcedureDef<I, O>, 'kind'>,
): ProcedureDef<I, O> => ({ kind: 'command', ...def })

/** An event services publish after commit. */
export interface EventDef<P extends z.ZodType = z.ZodType> {
  description: string
  payload: P
}

export const event = <P extends z.ZodType>(def: EventDef<P>): EventDef<P> => def
