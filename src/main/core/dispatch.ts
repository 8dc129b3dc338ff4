import { randomUUID } from 'node:crypto'
import { allows, deviceProcedurePolicy, procedurePolicy } from '../../shared/contract/policy'
import { isProcedurePath, procedures } from '../../shared/contract/procedures'
import type { ProcedurePath } from '../../shared/contract/procedures'
import type { Result, RpcErrorBody } from '../../shared/contract/errors'
import type { DevicePrincipal, DeviceService } from '../devices/device-service'
import type { SessionService } from '../identity/session-service'
import { mustChangePasswordMessage, whilePasswordMustChange } from '../identity/session-policy'
import type { Dispatch, SessionChange } from './caller'
import { DomainError } from './domain-error'
import type { HandlerContext, Handlers } from './handler-types'
import { describeIssues, toFieldIssues } from './validation-issues'
import { illFormedText } from './well-formed-text'

export interface DispatchDeps {
  handlers: Handlers
  sessions: SessionService
  devices: DeviceService
  logError?: (reference: string, error: unknown) => void
}

const fail = (error: RpcErrorBody): Result<never> => ({ ok: false, error })

/** How many readings a call carries, for a device's rate limit; any other call costs one. */
function readingsIn(input: unknown): number {
  const readings = input !== null && typeof input === 'object' && 'readings' in input ? input.readings : null
  return Array.isArray(readings) ? readings.length : 1
}

function sqliteCode(error: unknown): string | null {
  return error instanceof Error && error.name === 'SqliteError' && 'code' in error ? String(error.code) : null
}

/**
 * The single gate: lookup -> authenticate -> authorize -> validate -> run -> envelope.
 * Nothing thrown inside reaches a transport; no stack trace leaves the main process.
 */
export function createDispatch(deps: DispatchDeps): Dispatch {
  const logError = deps.logError ?? ((reference, error) => console.error(`[gatehouse ${reference}]`, error))

  function unexpected(error: unknown): RpcErrorBody {
    const code = sqliteCode(error)
    if (code === 'SQLITE_BUSY') {
      return { code: 'CONFLICT', message: 'The database is busy with another change. Try again in a moment.' }
    }
    if (code?.startsWith('SQLITE_CONSTRAINT')) {
      return { code: 'CONFLICT', message: 'That change conflicts with a record that already exists.' }
    }
    const reference = randomUUID().slice(0, 8)
    logError(reference, error)
    return {
      code: 'INTERNAL',
      message: `Something went wrong inside Gatehouse. The error was logged with reference ${reference}.`,
    }
  }

  return async (path, rawInput, caller) => {
    let sessionChange: SessionChange | null = null
    try {
      if (!isProcedurePath(path)) {
        return {
          result: fail({ code: 'NOT_FOUND', message: `There is no procedure called "${path}".` }),
          sessionChange,
        }
      }
      const access = procedurePolicy[path]
      // A field device's token is not a session: it opens only what its scope names, nothing else.
      const device: DevicePrincipal | null = deps.devices.resolve(caller.token)
      const principal = device ? null : deps.sessions.resolve(caller.token)
      if (device) {
        const scope = (deviceProcedurePolicy as Partial<Record<ProcedurePath, string>>)[path]
        if (scope !== device.scope) {
          return {
            result: fail({ code: 'FORBIDDEN', message: 'A field device token may only post readings.' }),
            sessionChange,
          }
        }
        if (!deps.devices.admit(device, readingsIn(rawInput))) {
          return {
            result: fail({
              code: 'RATE_LIMITED',
              message: `${device.name} is sending more than its token allows. Slow down and retry in a second.`,
            }),
            sessionChange,
          }
        }
      } else if (access !== 'public' && !principal) {
        return {
          result: fail({
            code: 'UNAUTHENTICATED',
            message: deps.sessions.whyNot(caller.token),
          }),
          sessionChange,
        }
      } else if (!allows(access, principal?.roles ?? null)) {
        return {
          result: fail({ code: 'FORBIDDEN', message: 'Your roles do not allow this action.' }),
          sessionChange,
        }
      } else if (principal?.mustChangePassword && !whilePasswordMustChange.has(path)) {
        return { result: fail({ code: 'FORBIDDEN', message: mustChangePasswordMessage }), sessionChange }
      }
      const procedure = procedures[path]
      const illFormed = illFormedText(rawInput)
      if (illFormed.length > 0) {
        return {
          result: fail({ code: 'VALIDATION', message: describeIssues(illFormed), issues: illFormed }),
          sessionChange,
        }
      }
      const parsed = procedure.input.safeParse(rawInput ?? {})
      if (!parsed.success) {
        const issues = toFieldIssues(parsed.error)
        return { result: fail({ code: 'VALIDATION', message: describeIssues(issues), issues }), sessionChange }
      }
      const ctx: HandlerContext<ProcedurePath> = {
        principal: principal as NonNullable<typeof principal>,
        sessionChanged: (change) => {
          sessionChange = change
        },
        host: caller.host ?? null,
        device,
      }
      const handler = deps.handlers[path] as (input: unknown, ctx: HandlerContext<ProcedurePath>) => unknown
      const value = await handler(parsed.data, ctx)
      // Parsing the output strips anything the contract does not name: nothing extra leaks.
      return { result: { ok: true, value: procedure.output.parse(value) }, sessionChange }
    } catch (error) {
      if (error instanceof DomainError) {
        return {
          result: fail({
            code: error.code,
            message: error.message,
            ...(error.issues ? { issues: error.issues } : {}),
            ...(error.unmet ? { unmet: error.unmet } : {}),
          }),
          sessionChange,
        }
      }
      return { result: fail(unexpected(error)), sessionChange }
    }
  }
}
