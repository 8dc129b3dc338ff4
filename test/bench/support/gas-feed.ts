/**
 * Live gas for benches: a site (test/support/scenario.ts) with a few authorized permits, each on
 * its own space and watched by its own monitors, and a device token for the field API.
 */
import { confinedSpaceSite } from '../../support/scenario'
import type { TestBackend } from '../../support/test-backend'
import type { Feed } from './readings'

/**
 * `permits` authorized permits, each with an attendant on duty and a passing test, on spaces of
 * their own, each watched by `monitorsPerPermit` registered monitors. Nobody is inside, so a
 * breach raises an alarm but suspends nothing.
 */
export async function gasSite(t: TestBackend, options: { permits: number; monitorsPerPermit: number }) {
  const site = await confinedSpaceSite(t)
  const feeds: Feed[] = []
  const instrumentIds = new Map<string, number>([[site.instrument.serial, site.instrument.id]])
  const permits: { id: number; number: string }[] = []
  for (let p = 0; p < options.permits; p += 1) {
    const space = await t.ok(
      'spaces.create',
      {
        siteId: site.site.id,
        tag: `TK-${String(201 + p)}`,
        name: `Tank ${String(201 + p)}`,
        classification: 'permit_required',
      },
      site.supervisor.token,
    )
    const permit = await site.readyPermit({ spaceId: space.id })
    permits.push({ id: permit.id, number: permit.number })
    for (let m = 0; m < options.monitorsPerPermit; m += 1) {
      const serial = `GW-${String(p + 1)}-${String(m + 1)}`
      const registered = await site.registerInstrument(site.site.id, serial)
      instrumentIds.set(serial, registered.id)
      feeds.push({ permitId: permit.id, serial })
    }
  }
  async function deviceToken(name: string): Promise<string> {
    const created = await t.ok('devices.create', { name, siteId: site.site.id }, site.admin.token)
    return created.token
  }
  return { ...site, permits, feeds, instrumentIds, deviceToken }
}

/**
 * What a supervisor does after a burst of alarms: acknowledges and resolves every cleared one,
 * so the next figures start with no alarm waiting. Returns how many were resolved.
 */
export async function resolveClearedAlarms(t: TestBackend, supervisorToken: string): Promise<number> {
  let resolved = 0
  for (;;) {
    const open = await t.ok('alarms.list', { open: true, limit: 200 }, supervisorToken)
    const cleared = open.items.filter((alarm) => alarm.clearedAt !== null)
    if (cleared.length === 0) return resolved
    const unacknowledged = cleared.filter((alarm) => alarm.acknowledgedAt === null).map((alarm) => alarm.id)
    if (unacknowledged.length > 0) await t.ok('alarms.acknowledge', { alarmIds: unacknowledged }, supervisorToken)
    for (const alarm of cleared)
      await t.ok(
        'alarms.resolve',
        { alarmId: alarm.id, resolution: 'test', note: '', helpSent: false },
        supervisorToken,
      )
    resolved += cleared.length
  }
}
