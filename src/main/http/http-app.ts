import fs from 'node:fs'
import path from 'node:path'
import { Readable } from 'node:stream'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'
import type { Context } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import { streamSSE } from 'hono/streaming'
import type { SSEStreamingApi } from 'hono/streaming'
import type { Result } from '../../shared/contract/errors'
import type { Backend } from '../backend-types'
import { createEventBatcher } from '../core/event-batcher'
import { contentSecurityPolicy } from '../core/content-security-policy'
import { declaredBodyLimit } from './declared-body-limit'
import { httpStatusOf } from './http-status'
import { loopbackHostGuard } from './loopback-host-guard'
import { crossSiteGuard, jsonOnly } from './cross-site-guard'

export interface HttpAppOptions {
  /** The built renderer (out/renderer); omitted, only the API is served. */
  rendererDir?: string
  /** Refuse requests not addressed to loopback (on when bound to loopback). */
  loopbackOnly: boolean
  maxBodyBytes?: number
}

const heartbeatMs = 15_000

const contentTypeOf = (file: string) =>
  file.endsWith('.csv')
    ? 'text/csv; charset=utf-8'
    : file.endsWith('.json')
      ? 'application/json'
      : file.endsWith('.zip')
        ? 'application/zip'
        : 'application/octet-stream'
const utf8 = new TextDecoder('utf-8', { fatal: true })

function bearerToken(c: Context): string | null {
  const header = c.req.header('authorization') ?? ''
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  return match?.[1] ?? null
}

const failure = (c: Context, result: Extract<Result<unknown>, { ok: false }>) =>
  c.json(result, httpStatusOf[result.error.code])

/** Browser mode and the field API: the same dispatch() as Electron IPC, over HTTP. */
export function createHttpApp(backend: Backend, options: HttpAppOptions): Hono {
  const app = new Hono()
  if (options.loopbackOnly) app.use('*', loopbackHostGuard())
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: undefined,
      referrerPolicy: 'no-referrer',
      xFrameOptions: 'DENY',
      crossOriginResourcePolicy: 'same-origin',
    }),
  )
  app.use('*', async (c, next) => {
    // Set before the response exists, so it is born with it: a header added afterwards makes
    // hono copy the finished response, body and all.
    c.header('Content-Security-Policy', contentSecurityPolicy)
    await next()
  })
  app.use('/api/*', crossSiteGuard())

  app.post(
    '/api/rpc/:path',
    jsonOnly(),
    declaredBodyLimit({
      maxSize: options.maxBodyBytes ?? 256 * 1024,
      onError: (c) => {
        // The rest of the oversized body is never read, so this connection cannot be reused.
        c.header('Connection', 'close')
        return failure(c, {
          ok: false,
          error: { code: 'VALIDATION', message: 'The request body is larger than this server accepts.' },
        })
      },
    }),
    async (c) => {
      let text: string
      try {
        // Bytes that are not UTF-8 are refused, never replaced: stored text must be what was sent.
        text = utf8.decode(await c.req.arrayBuffer())
      } catch {
        return failure(c, { ok: false, error: { code: 'VALIDATION', message: 'The request body is not valid UTF-8.' } })
      }
      let input: unknown = {}
      if (text.trim() !== '') {
        try {
          input = JSON.parse(text)
        } catch {
          return failure(c, {
            ok: false,
            error: { code: 'VALIDATION', message: 'The request body is not valid JSON.' },
          })
        }
      }
      const { result } = await backend.dispatch(c.req.param('path'), input, { token: bearerToken(c) })
      return result.ok ? c.json(result, 200) : failure(c, result)
    },
  )

  app.get('/api/events', (c) => {
    const token = bearerToken(c)
    let writer: SSEStreamingApi | null = null
    let endStream: () => void = () => {}
    const ended = new Promise<void>((resolve) => (endStream = resolve))
    const batcher = createEventBatcher(
      (batch) => void writer?.writeSSE({ event: 'events', data: JSON.stringify(batch) }),
    )
    const subscription = token
      ? backend.openEventStream(
          token,
          (message) => batcher.push(message),
          () => {
            batcher.close()
            endStream()
          },
        )
      : null
    if (!subscription) {
      return failure(c, { ok: false, error: { code: 'UNAUTHENTICATED', message: 'Sign in to receive live updates.' } })
    }
    return streamSSE(c, async (stream) => {
      writer = stream
      stream.onAbort(() => {
        subscription.close()
        endStream()
      })
      const heartbeat = setInterval(() => void stream.write(': keep-alive\n\n'), heartbeatMs)
      await stream.write(': connected\n\n')
      await ended
      clearInterval(heartbeat)
    })
  })

  // An export or evidence pack, to its owner only (the bearer's own exports folder).
  app.get('/api/exports/:name', (c) => {
    const token = bearerToken(c)
    const file = token ? backend.exportFile(token, c.req.param('name')) : null
    if (!file)
      return failure(c, { ok: false, error: { code: 'NOT_FOUND', message: 'There is no such export of yours.' } })
    c.header('Content-Type', contentTypeOf(file))
    c.header('Content-Disposition', `attachment; filename="${path.basename(file)}"`)
    c.header('Content-Length', String(fs.statSync(file).size))
    return c.body(Readable.toWeb(fs.createReadStream(file)) as ReadableStream)
  })

  app.all('/api/*', (c) =>
    failure(c, { ok: false, error: { code: 'NOT_FOUND', message: 'There is no such API route.' } }),
  )

  if (options.rendererDir && fs.existsSync(options.rendererDir)) {
    const root = path.relative(process.cwd(), options.rendererDir) || '.'
    const indexHtml = fs.readFileSync(path.join(options.rendererDir, 'index.html'), 'utf8')
    app.use('/*', serveStatic({ root }))
    // The console is one page; any other path gets it, and its router takes over.
    app.get('*', (c) => c.html(indexHtml))
  }
  return app
}
