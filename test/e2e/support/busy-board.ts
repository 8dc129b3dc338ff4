import type { BrowserContext, Browser } from 'playwright-core'
import { createApi } from '../../../src/shared/client/api'
import type { Api } from '../../../src/shared/client/api'
import { createHttpTransport } from '../../../src/shared/client/http-transport'
import { siteOverHttp } from './http-site'

export const password = 'correct horse battery staple'

export type ThemeMode = 'dark' | 'light'

export interface BusyBoard {
  api: Api
  token: string
  /** One of the demo's permits with someone inside and an alarm, for its page. */
  demoPermitId: number
}

/**
 * A control room on a busy shift: the demo site (six permits, alarms included) and a second site
 * with `extra` permits ready for entry, someone inside every other one, all over the HTTP API.
 */
export async function busyBoard(url: string, extra: number): Promise<BusyBoard> {
  const transport = createHttpTransport(url)
  const api = createApi(transport)
  const admin = await api.auth.setupFirstAdmin({ username: 'ada', displayName: 'Ada Lovelace', password })
  transport.setToken(admin.token)
  await api.users.setRoles({ userId: admin.user.id, roles: ['administrator', 'supervisor', 'attendant'] })
  const token = (await api.auth.login({ username: 'ada', password })).token
  transport.setToken(token)
  await api.demo.load({})
  const board = await api.permits.board({})
  const demo = board.cards.find((card) => card.inside.length > 0 && card.alarms.length > 0) ?? board.cards[0]
  if (!demo) throw new Error('the demo site has no permits')
  const east = await siteOverHttp(api, {
    supervisorId: admin.user.id,
    password,
    code: 'EAST',
    name: 'East works',
    serial: 'MX4-0900',
  })
  const ready = []
  for (let i = 1; i <= extra; i++)
    ready.push(await east.readyPermit(`EW-TK-${String(100 + i)}`, `Entrant ${String(i)}`, i % 2 === 0))
  // The space's gateway reports H2S far over its limit with someone inside: a high alarm, the
  // permit suspended and everyone ordered out, so the board has an evacuation and the banner an alarm.
  const evacuated = ready[1]
  if (evacuated) {
    const device = await api.devices.create({ name: 'Gateway EW-TK-102', siteId: east.site.id })
    const response = await fetch(`${url}/api/rpc/readings.ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${device.token}` },
      body: JSON.stringify({
        readings: [
          {
            permitId: evacuated.permitId,
            monitoredBy: 'MX4-0900',
            loggedAt: Date.now(),
            oxygenPercent: 20.9,
            h2sPpm: 40,
          },
        ],
      }),
    })
    if (!response.ok) throw new Error(`the gateway's reading was refused: ${await response.text()}`)
  }
  return { api, token, demoPermitId: demo.id }
}

/** A console signed in as the administrator, at this size, in this theme. */
export async function signedInContext(
  browser: Browser,
  token: string,
  viewport: { width: number; height: number },
  mode: ThemeMode,
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport })
  await context.addInitScript(`
    sessionStorage.setItem('gatehouse.sessionToken', ${JSON.stringify(token)});
    localStorage.setItem('gatehouse.theme', ${JSON.stringify(JSON.stringify({ state: { mode }, version: 0 }))});
  `)
  return context
}
