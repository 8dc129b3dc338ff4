import type { MiddlewareHandler } from 'hono'

const loopbackNames = new Set(['127.0.0.1', 'localhost', '[::1]'])

/**
 * Bound to loopback, we answer only requests addressed to loopback. This stops a web page
 * from reaching the console through DNS rebinding (a hostile name resolved to 127.0.0.1).
 */
export function loopbackHostGuard(): MiddlewareHandler {
  return async (c, next) => {
    const host = c.req.header('host') ?? ''
    const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0]
    if (!name || !loopbackNames.has(name)) {
      return c.json(
        { ok: false, error: { code: 'FORBIDDEN', message: 'This server answers only on its loopback address.' } },
        403,
      )
    }
    await next()
  }
}
