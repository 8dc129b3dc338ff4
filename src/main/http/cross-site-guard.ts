import type { Context, MiddlewareHandler } from 'hono'
import type { RpcErrorBody } from '../../shared/contract/errors'

/** Sec-Fetch-Site values a browser sends for our own pages, or for a person typing the address. */
const ownFetchSites = new Set(['same-origin', 'none'])

function sameOrigin(origin: string, host: string | undefined): boolean {
  if (!host) return false
  try {
    return new URL(origin).host === host
  } catch {
    // "null" (a sandboxed frame, a file) and anything unparsable are not us.
    return false
  }
}

const refuse = (c: Context, status: 403 | 415, error: RpcErrorBody) => c.json({ ok: false, error }, status)

/**
 * A web page of any other site can make the browser send simple requests here (a form post, a
 * text/plain fetch): enough to create accounts or lock one out. Browsers say where a request
 * comes from in Origin and Sec-Fetch-Site; anything not from our own origin is refused.
 * Requests with neither header (field devices, scripts, curl) come from no web page and pass.
 */
export function crossSiteGuard(): MiddlewareHandler {
  return async (c, next) => {
    const origin = c.req.header('origin')
    const fetchSite = c.req.header('sec-fetch-site')
    if (
      (origin !== undefined && !sameOrigin(origin, c.req.header('host'))) ||
      (fetchSite !== undefined && !ownFetchSites.has(fetchSite))
    ) {
      return refuse(c, 403, {
        code: 'FORBIDDEN',
        message: 'Requests from another web site are refused. Open Gatehouse at its own address.',
      })
    }
    await next()
  }
}

/**
 * Only JSON is accepted: a browser can send text/plain or a form across sites without asking
 * first (no CORS preflight), application/json it cannot.
 */
export function jsonOnly(): MiddlewareHandler {
  return async (c, next) => {
    const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase()
    if (mediaType !== 'application/json') {
      return refuse(c, 415, {
        code: 'VALIDATION',
        message: 'The request must be sent with Content-Type: application/json.',
        issues: [{ field: 'Content-Type', rule: 'application_json', message: 'must be application/json' }],
      })
    }
    await next()
  }
}
