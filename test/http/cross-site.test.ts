import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHttpServer } from '../../src/main/http/http-server'
import type { RunningHttpServer } from '../../src/main/http/http-server'
import { adminAccount, makeTestBackend, testPassword } from '../support/test-backend'

/**
 * Issue 6, item 5: a web page of another site must not be able to drive the console through
 * the visitor's browser (create accounts, lock one out, run commands), while scripts and field
 * devices, which send no Origin, keep working.
 */

const t = makeTestBackend()
let server: RunningHttpServer
let adminToken = ''
beforeAll(async () => {
  server = await startHttpServer(t.backend, { host: '127.0.0.1', port: 0 })
  adminToken = (await t.setupAdmin()).token
})
afterAll(async () => {
  await server.close()
  t.dispose()
})

const signUp = (n: number) =>
  JSON.stringify({ username: `visitor${n}`, displayName: 'Visitor', password: testPassword })

async function post(path: string, body: string, headers: Record<string, string>) {
  const response = await fetch(`${server.url}/api/rpc/${path}`, { method: 'POST', headers, body })
  return { status: response.status, body: (await response.json()) as { ok: boolean; error?: { code: string } } }
}

const own = () => new URL(server.url).origin
const json = { 'content-type': 'application/json' }
const bearer = () => ({ authorization: `Bearer ${adminToken}` })

describe('the RPC route, against cross-site requests', () => {
  it('refuses a text/plain body with 415 and writes nothing, signed in or not', async () => {
    const before = t.snapshot()
    const publicCall = await post('auth.signUp', signUp(1), { 'content-type': 'text/plain' })
    expect(publicCall).toMatchObject({ status: 415, body: { ok: false, error: { code: 'VALIDATION' } } })
    const command = await post(
      'sites.save',
      JSON.stringify({ code: 'X1', name: 'X', limitProfile: 'factory', maxTestAgeMinutes: 30 }),
      {
        'content-type': 'text/plain;charset=UTF-8',
        ...bearer(),
      },
    )
    expect(command.status).toBe(415)
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp']) {
      expect((await post('auth.signUp', signUp(2), { 'content-type': type })).status).toBe(415)
    }
    expect(t.snapshot()).toBe(before)
  })

  it('refuses any request whose Origin is another site, public or signed in, and writes nothing', async () => {
    const before = t.snapshot()
    for (const origin of ['http://evil.example', 'null', 'http://127.0.0.1:1', 'http://localhost.evil.example']) {
      const signUpCall = await post('auth.signUp', signUp(3), { ...json, origin })
      expect(signUpCall).toMatchObject({ status: 403, body: { error: { code: 'FORBIDDEN' } } })
      const login = await post('auth.login', JSON.stringify({ username: 'ada', password: 'wrong' }), {
        ...json,
        origin,
      })
      expect(login.status).toBe(403)
      expect((await post('auth.me', '{}', { ...json, ...bearer(), origin })).status).toBe(403)
    }
    expect(t.snapshot()).toBe(before)
  })

  it('refuses what Sec-Fetch-Site says came from another site, even without an Origin', async () => {
    for (const site of ['cross-site', 'same-site']) {
      expect((await post('auth.signUp', signUp(4), { ...json, 'sec-fetch-site': site })).status).toBe(403)
      expect((await post('auth.me', '{}', { ...json, ...bearer(), 'sec-fetch-site': site })).status).toBe(403)
    }
    const events = await fetch(`${server.url}/api/events`, { headers: { ...bearer(), 'sec-fetch-site': 'cross-site' } })
    expect(events.status).toBe(403)
  })

  it('serves the console’s own pages and requests with no Origin at all (scripts, field devices)', async () => {
    const ownPage = await post('auth.me', '{}', {
      ...json,
      ...bearer(),
      origin: own(),
      'sec-fetch-site': 'same-origin',
    })
    expect(ownPage).toMatchObject({ status: 200, body: { ok: true } })
    const script = await post('auth.login', JSON.stringify({ username: 'ada', password: adminAccount.password }), json)
    expect(script).toMatchObject({ status: 200, body: { ok: true } })
    const typed = await post('auth.me', '{}', { ...json, ...bearer(), 'sec-fetch-site': 'none' })
    expect(typed.status).toBe(200)
  })

  it('never locks an account out on behalf of another site', async () => {
    for (let attempt = 0; attempt < 8; attempt++) {
      await post('auth.login', JSON.stringify({ username: 'ada', password: 'wrong' }), {
        ...json,
        origin: 'http://evil.example',
      })
    }
    const login = await post('auth.login', JSON.stringify({ username: 'ada', password: adminAccount.password }), json)
    expect(login.status).toBe(200)
  })

  it('refuses a body that is not UTF-8 instead of storing replacement characters', async () => {
    const before = t.snapshot()
    const bytes = Buffer.concat([
      Buffer.from('{"username":"bad","displayName":"'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from(`","password":"${testPassword}"}`),
    ])
    const response = await fetch(`${server.url}/api/rpc/auth.signUp`, { method: 'POST', headers: json, body: bytes })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({
      error: { code: 'VALIDATION', message: 'The request body is not valid UTF-8.' },
    })
    expect(t.snapshot()).toBe(before)
  })

  it('refuses a lone surrogate sent as a JSON escape, naming the field', async () => {
    const before = t.snapshot()
    const body = `{"username":"lone","displayName":"Bad \\ud800 name","password":"${testPassword}"}`
    const response = await post('auth.signUp', body, json)
    expect(response.status).toBe(400)
    expect(response.body).toMatchObject({
      error: { code: 'VALIDATION', issues: [{ field: 'displayName', rule: 'well_formed_unicode' }] },
    })
    expect(t.snapshot()).toBe(before)
  })
})
