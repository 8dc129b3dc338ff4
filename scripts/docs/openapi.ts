import { z } from 'zod'
import { httpStatusOf } from '../../src/main/http/http-status'
import { defaultHttpPort } from '../../src/main/http/http-server'
import { errorCodes, rpcErrorSchema } from '../../src/shared/contract/errors'
import type { ErrorCode } from '../../src/shared/contract/errors'
import { events } from '../../src/shared/contract/events'
import { eventPolicy, procedurePolicy } from '../../src/shared/contract/policy'
import { procedurePaths, procedures } from '../../src/shared/contract/procedures'
import {
  capabilities,
  deviceScopeOf,
  errorCodesOf,
  eventNames,
  eventSchema,
  procedureSchemas,
  whoMayCall,
} from '../../src/shared/contract/reference'

const errorMeaning: Record<ErrorCode, string> = {
  VALIDATION: 'The input breaks a rule of the contract; `issues` names each field and rule. Nothing was written.',
  UNAUTHENTICATED: 'No session, or the session ended (signed out, idle, over age, account deactivated).',
  FORBIDDEN: 'The caller’s roles, or a record-level rule, do not allow this.',
  NOT_FOUND: 'The record named does not exist (or the procedure does not).',
  CONFLICT: 'The record changed since it was read, or the request duplicates an existing one.',
  PRECONDITION_FAILED: 'A rule of the domain refuses it now; `unmet` lists every condition as code and sentence.',
  RATE_LIMITED: 'Too many attempts or readings; retry later.',
  INTERNAL: 'An unexpected failure; nothing was written.',
}

const capabilityOf = new Map(
  capabilities.flatMap((capability) => Object.keys(capability.procedures).map((path) => [path, capability.title])),
)

/** The OpenAPI 3.1 document of the HTTP transport: one POST per procedure, the session and device bearers, the event stream. */
export function openApiDocument(version: string): Record<string, unknown> {
  const schemas: Record<string, unknown> = {
    Error: z.toJSONSchema(rpcErrorSchema, { target: 'draft-2020-12' }),
    ErrorEnvelope: {
      type: 'object',
      required: ['ok', 'error'],
      properties: { ok: { const: false }, error: { $ref: '#/components/schemas/Error' } },
    },
  }
  const paths: Record<string, unknown> = {}
  for (const path of procedurePaths) {
    const def = procedures[path]
    const { input, output } = procedureSchemas(path)
    schemas[`${path}.input`] = input
    schemas[`${path}.output`] = output
    const access = procedurePolicy[path]
    const deviceScope = deviceScopeOf(path)
    const security =
      access === 'public' ? [] : [{ session: [] }, ...(deviceScope ? [{ fieldDevice: [] as string[] }] : [])]
    const errors = Object.fromEntries(
      errorCodesOf(path).map((code) => [
        String(httpStatusOf[code as ErrorCode]),
        {
          description: `${code}: ${errorMeaning[code as ErrorCode]}`,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' } } },
        },
      ]),
    )
    paths[`/api/rpc/${path}`] = {
      post: {
        operationId: path,
        summary: def.description.split(/(?<=\.)\s/)[0],
        description: `${def.description}\n\nA ${def.kind}${def.kind === 'command' ? ' (audited)' : ''}. Who may call: ${whoMayCall(access)}${deviceScope ? `; or a field-device token with scope \`${deviceScope}\`` : ''}.`,
        tags: [capabilityOf.get(path) ?? 'Other'],
        security,
        'x-gatehouse-kind': def.kind,
        'x-gatehouse-access': access,
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: `#/components/schemas/${path}.input` } } },
        },
        responses: {
          '200': {
            description: 'Done: the envelope with the value.',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['ok', 'value'],
                  properties: { ok: { const: true }, value: { $ref: `#/components/schemas/${path}.output` } },
                },
              },
            },
          },
          ...errors,
        },
      },
    }
  }
  for (const name of eventNames) schemas[`event.${name}`] = eventSchema(name)
  paths['/api/events'] = {
    get: {
      operationId: 'events',
      summary: 'The live event stream (server-sent events).',
      description: [
        'Server-sent events for the signed-in session: each `events` message carries a JSON array of',
        '`{ "name": <event name>, "payload": <payload> }`, coalesced over a few milliseconds (alarms and',
        'evacuation orders are never held back). A console receives only the events its roles may read, and',
        'only for records it may read. A comment line every 15 s keeps the connection open. Events:',
        '',
        ...eventNames.map(
          (name) =>
            `- \`${name}\` (schema \`event.${name}\`; to ${whoMayCall(eventPolicy[name])}): ${events[name].description}`,
        ),
      ].join('\n'),
      tags: ['Events'],
      security: [{ session: [] }],
      responses: {
        '200': { description: 'The stream.', content: { 'text/event-stream': { schema: { type: 'string' } } } },
        '401': {
          description: 'UNAUTHENTICATED: no live session.',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorEnvelope' } } },
        },
      },
    },
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Gatehouse API',
      version,
      description: [
        'Every procedure of the console is `POST /api/rpc/<procedure>` with a JSON body, answered with the envelope',
        '`{ "ok": true, "value": … }` or `{ "ok": false, "error": { "code", "message", "issues"?, "unmet"? } }`.',
        'Sign in with `auth.login` and send its token as `Authorization: Bearer <token>`. Field devices send',
        'their device token the same way and may call only `readings.ingest`. The server listens on loopback',
        'unless started with `--host`; browsers on other sites are refused (Sec-Fetch-Site).',
        '',
        'Error codes and their HTTP statuses:',
        '',
        ...errorCodes.map((code) => `- \`${code}\` → ${String(httpStatusOf[code])}: ${errorMeaning[code]}`),
      ].join('\n'),
    },
    servers: [
      { url: `http://127.0.0.1:${String(defaultHttpPort)}`, description: 'A console in browser mode (npm run serve).' },
    ],
    tags: [
      ...capabilities.map((capability) => ({ name: capability.title, description: capability.summary })),
      { name: 'Events', description: 'The live event stream.' },
    ],
    paths,
    components: {
      schemas,
      securitySchemes: {
        session: {
          type: 'http',
          scheme: 'bearer',
          description: 'A session token from auth.login, auth.setupFirstAdmin or auth.signUp.',
        },
        fieldDevice: {
          type: 'http',
          scheme: 'bearer',
          description: 'A field-device token (Admin, Field devices): scoped to one site and to posting readings.',
        },
      },
    },
  }
}
