import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'

/**
 * The request body's size limit. A body that declares its length (node's parser then reads exactly
 * that many bytes) is judged by the header alone: hono's bodyLimit looks at `c.req.raw.body`,
 * which turns node's request into a web Request with a stream before the body is read, a few
 * tenths of a millisecond every call. A body without a declared length is counted as it streams,
 * by hono's bodyLimit.
 */
export function declaredBodyLimit(options: {
  maxSize: number
  onError: (c: Context) => Response | Promise<Response>
}): MiddlewareHandler {
  const counted = bodyLimit(options)
  return async (c, next) => {
    const declared = c.req.header('content-length')
    if (declared === undefined || c.req.header('transfer-encoding') !== undefined) return counted(c, next)
    if (Number(declared) > options.maxSize) return options.onError(c)
    await next()
  }
}
