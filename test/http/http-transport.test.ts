import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../src/main/core/content-security-policy'
import { startHttpServer } from '../../src/main/http/http-server'
import type { RunningHttpServer } from '../../src/main/http/http-server'
import { createApi } from '../../src/shared/client/api'
import { createHttpTransport } from '../../src/shared/client/http-transport'
import { RpcError } from '../../src/shared/client/rpc-error'
import { adminAccount, makeTestBackend } from '../support/test-backend'

const t = makeTestBackend()
let server: RunningHttpServer
beforeAll(async () => {
  server = await startHttpServer(t.backend, { host: '127.0.0.1', port: 0 })
})
afterAll(async () => {
  await server.close()
  t.dispose()
})

const post = (path: string, body: string, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/api/rpc/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  })

describe('the HTTP transport', () => {
  it('serves the same procedures through the typed client, with the token as a bearer header', async () => {
    const transport = createHttpTransport(server.url)
    const api = createApi(transport)
    expect(await api.auth.status({})).toEqual({ needsFirstAdmin: true, signUpOpen: true })
    const session = await api.auth.setupFirstAdmin(adminAccount)
    transport.setToken(session.token)
    expect(await api.auth.me({})).toMatchObject({ username: 'ada', roles: ['administrator'] })
    transport.setToken(null)
    await expect(api.auth.me({})).rejects.toMatchObject({ code: 'UNAUTHENTICATED' })
    await expect(api.auth.login({ username: 'ada', password: 'wrong password' })).rejects.toBeInstanceOf(RpcError)
  })

  it('answers each error code with its HTTP status and the envelope as body', async () => {
    const unknown = await post('nope.nothing', '{}')
    expect(unknown.status).toBe(404)
    const invalid = await post('auth.login', '{"username": 3}')
    expect(invalid.status).toBe(400)
    expect(await invalid.json()).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    const anonymous = await post('users.list', '{}')
    expect(anonymous.status).toBe(401)
  })

  it('refuses a body that is not JSON, and one over the size limit, without writing', async () => {
    const before = t.snapshot()
    const garbled = await post('auth.signUp', '{not json')
    expect(await garbled.json()).toMatchObject({
      error: { code: 'VALIDATION', message: 'The request body is not valid JSON.' },
    })
    const huge = await post('auth.signUp', JSON.stringify({ username: 'x'.repeat(400_000) }))
    expect(huge.status).toBe(400)
    expect(await huge.json()).toMatchObject({
      error: { message: 'The request body is larger than this server accepts.' },
    })
    expect(t.snapshot()).toBe(before)
  })

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(
        `${server.url}/api/rpc/auth.status`,
        { method: 'POST', headers: { host: 'evil.example', 'content-type': 'application/json' } },
        (response) => {
          response.resume()
          resolve(response.statusCode ?? 0)
        },
      )
      request.on('error', reject)
      request.end('{}')
    })
    expect(status).toBe(403)
  })

  it('sends security headers with every response: answers, refusals, pages, files and the event stream', async () => {
    const rendererDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-renderer-'))
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Gatehouse</title>')
    fs.writeFileSync(path.join(rendererDir, 'app.js'), 'void 0')
    const withPages = await startHttpServer(t.backend, { host: '127.0.0.1', port: 0, rendererDir })
    try {
      const responses = [
        await post('auth.status', '{}'),
        await post('nope.nothing', '{}'),
        await post('auth.login', '{"username": 3}'),
        await post('auth.signUp', JSON.stringify({ username: 'x'.repeat(400_000) })),
        await fetch(`${server.url}/api/nothing`),
        await fetch(`${server.url}/api/events`),
        await fetch(`${withPages.url}/`),
        await fetch(`${withPages.url}/app.js`),
        await fetch(`${withPages.url}/permits/7`),
      ]
      for (const response of responses) {
        await response.arrayBuffer()
        expect(response.headers.get('content-security-policy'), response.url).toBe(contentSecurityPolicy)
        expect(response.headers.get('x-frame-options'), response.url).toBe('DENY')
        expect(response.headers.get('x-content-type-options'), response.url).toBe('nosniff')
      }
      expect(responses.map((r) => r.status)).toEqual([200, 404, 400, 400, 404, 401, 200, 200, 200])
    } finally {
      await withPages.close()
      fs.rmSync(rendererDir, { recursive: true, force: true })
    }
  })

  it('counts a body sent without a declared length, and refuses it over the limit without writing', async () => {
    const before = t.snapshot()
    const chunked = (body: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const request = http.request(
          `${server.url}/api/rpc/auth.signUp`,
          { method: 'POST', headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
          (response) => {
            const chunks: Buffer[] = []
            response.on('data', (chunk: Buffer) => chunks.push(chunk))
            response.on('end', () =>
              resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
            )
          },
        )
        request.on('error', reject)
        // Sent in pieces, so no length is known before the end.
        for (let at = 0; at < body.length; at += 16_384) request.write(body.slice(at, at + 16_384))
        request.end()
      })
    const huge = await chunked(JSON.stringify({ username: 'x'.repeat(400_000) }))
    expect(huge.status).toBe(400)
    expect(JSON.parse(huge.body)).toMatchObject({
      error: { message: 'The request body is larger than this server accepts.' },
    })
    const small = await chunked('{"username": 3}')
    expect(small.status).toBe(400)
    expect(JSON.parse(small.body)).toMatchObject({ error: { code: 'VALIDATION' } })
    expect(t.snapshot()).toBe(before)
  })

  it('streams the events a session may read, and refuses the stream without a session', async () => {
    const anonymous = await fetch(`${server.url}/api/events`)
    expect(anonymous.status).toBe(401)

    const transport = createHttpTransport(server.url)
    const api = createApi(transport)
    const session = await api.auth.login({ username: 'ada', password: adminAccount.password })
    transport.setToken(session.token)
    const seen: string[] = []
    const arrived = new Promise<void>((resolve) => {
      transport.subscribe('users.changed', (payload) => {
        seen.push(payload.change)
        resolve()
      })
    })
    // Give the stream a moment to connect before the change happens.
    await new Promise((resolve) => setTimeout(resolve, 200))
    await api.users.create({
      username: 'nina',
      displayName: 'Nina',
      password: 'a long enough passphrase',
      roles: ['entrant'],
    })
    await arrived
    expect(seen).toEqual(['created'])
    transport.close()
  })
})
