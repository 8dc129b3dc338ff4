import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import type { Backend } from '../backend-types'
import { createHttpApp } from './http-app'

export interface HttpServerOptions {
  host: string
  port: number
  rendererDir?: string
}

export const defaultHttpPort = 7420

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '::1'])
export const isLoopback = (host: string) => loopbackHosts.has(host)

export interface RunningHttpServer {
  url: string
  port: number
  close(): Promise<void>
}

export function startHttpServer(backend: Backend, options: HttpServerOptions): Promise<RunningHttpServer> {
  const app = createHttpApp(backend, {
    loopbackOnly: isLoopback(options.host),
    ...(options.rendererDir ? { rendererDir: options.rendererDir } : {}),
  })
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, (info: AddressInfo) => {
      const shownHost = info.family === 'IPv6' ? `[${info.address}]` : info.address
      resolve({
        url: `http://${shownHost}:${info.port}`,
        port: info.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done())
            // Open event streams would keep the server alive forever.
            if ('closeAllConnections' in server) server.closeAllConnections()
          }),
      })
    })
    server.once('error', reject)
  })
}
