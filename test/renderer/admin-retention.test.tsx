import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { formatTime } from '../../src/renderer/src/format/time'
import { aUser } from './support/fixtures'
import { FakeTransport, fail, ok } from './support/fake-transport'
import { renderApp, scriptSignedIn } from './support/render-app'
import { retentionStatus, scriptSystem } from './support/system-fixtures'

const at = Date.UTC(2027, 11, 1, 9, 0)

function administrator(): FakeTransport {
  window.location.hash = '#/admin'
  return scriptSystem(scriptSignedIn(new FakeTransport(), aUser(['administrator'])))
    .on('users.list', ok({ items: [], total: 0 }))
    .on('sites.list', ok([]))
    .on('devices.list', ok([]))
}

const system = async () => within(await screen.findByRole('region', { name: 'System' }))

describe('gas reading retention on the Admin page', () => {
  it('shows each site’s setting and what the last run removed', async () => {
    const transport = administrator().on(
      'retention.status',
      ok(
        retentionStatus({
          sites: [
            { siteId: 1, code: 'NORTH', name: 'North Plant', rawReadingDays: 400 },
            { siteId: 2, code: 'SOUTH', name: 'South Works', rawReadingDays: 730 },
          ],
          lastRun: {
            at,
            readings: 5200,
            permits: [{ permitId: 7, number: 'CSE-NORTH-2026-0007', readings: 5200 }],
          },
          lastCheckedAt: at + 3_600_000,
        }),
      ),
    )
    renderApp(transport)
    const section = await system()
    expect(await section.findByText('Raw readings kept 730 days after a permit ends')).toBeTruthy()
    expect(section.getByText('Raw readings kept 400 days after a permit ends')).toBeTruthy()
    expect(section.getByText(`${formatTime(at)}: 5,200 raw readings of CSE-NORTH-2026-0007`)).toBeTruthy()
    expect(section.getByText(formatTime(at + 3_600_000))).toBeTruthy()
  })

  it('says when nothing was removed or checked yet', async () => {
    renderApp(administrator())
    const section = await system()
    expect(await section.findByText('None yet')).toBeTruthy()
    expect(section.getByText('Not yet since the console started')).toBeTruthy()
  })

  it('says why it cannot tell when the server refuses', async () => {
    const transport = administrator().on('retention.status', fail('INTERNAL', 'The database is busy.'))
    renderApp(transport)
    expect(await (await system()).findByText('The database is busy.')).toBeTruthy()
  })
})
