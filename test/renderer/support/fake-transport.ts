import type { HttpTransport } from '../../../src/shared/client/http-transport'
import type { ErrorCode, FieldIssue, Result, UnmetCondition } from '../../../src/shared/contract/errors'
import type { EventName, EventPayload } from '../../../src/shared/contract/events'
import type { ProcedureInput, ProcedureOutput, ProcedurePath } from '../../../src/shared/contract/procedures'

type Answer<P extends ProcedurePath> =
  | Result<ProcedureOutput<P>>
  | ((input: ProcedureInput<P>) => Result<ProcedureOutput<P>> | Promise<Result<ProcedureOutput<P>>>)
type Listener = (payload: unknown) => void

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })

export const fail = (code: ErrorCode, message: string, issues?: FieldIssue[]): Result<never> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
})

/** A PRECONDITION_FAILED as the server sends it: one line of message, every unmet condition as data. */
export const refused = (message: string, unmet: UnmetCondition[]): Result<never> => ({
  ok: false,
  error: { code: 'PRECONDITION_FAILED', message, unmet },
})

/**
 * Stands in for the preload bridge or the HTTP transport: answers what the test scripted,
 * records every call, and pushes events on demand. An unscripted call fails loudly.
 */
export class FakeTransport implements HttpTransport {
  readonly calls: { path: string; input: unknown }[] = []
  token: string | null = null
  private readonly answers = new Map<string, (input: unknown) => Result<unknown> | Promise<Result<unknown>>>()
  private readonly listeners = new Map<string, Set<Listener>>()

  /** Every later call of `path` gets this answer (a promise keeps the caller waiting), until scripted again. */
  on<P extends ProcedurePath>(path: P, answer: Answer<P>): this {
    this.answers.set(path, (input) => (typeof answer === 'function' ? answer(input as ProcedureInput<P>) : answer))
    return this
  }

  callsTo(path: ProcedurePath): unknown[] {
    return this.calls.filter((call) => call.path === path).map((call) => call.input)
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    this.listeners.get(event)?.forEach((listener) => listener(payload))
  }

  async call(path: string, input: unknown): Promise<Result<unknown>> {
    this.calls.push({ path, input })
    const answer = this.answers.get(path)
    return answer ? answer(input) : fail('INTERNAL', `FakeTransport has no answer scripted for ${path}`)
  }

  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    const set = this.listeners.get(event) ?? new Set<Listener>()
    this.listeners.set(event, set)
    set.add(listener as Listener)
    return () => set.delete(listener as Listener)
  }

  setToken(token: string | null): void {
    this.token = token
  }

  close(): void {
    this.listeners.clear()
  }
}
