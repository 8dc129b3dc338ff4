/**
 * A site where people go in and out while monitors send readings, for exposure tests: entries and
 * exits through the entries procedures at the times the test moves the clock to, and readings
 * posted through readings.ingest with a device token (late, as a gateway catching up would), so a
 * reading above the alarm levels never suspends a permit before the test is done with it.
 */
import { ana, confinedSpaceSite } from '../support/scenario'
import type { TestBackend } from '../support/test-backend'

export const second = 1000
export const minute = 60 * second
export const hour = 60 * minute

/** H2S and CO in ppm at a moment; null: the monitor sends nothing then. */
export type Gas = { h2s?: number; co?: number } | null

export async function exposureSite(t: TestBackend) {
  const s = await confinedSpaceSite(t)
  const start = t.clock.now()
  /** Minutes (and seconds) after the test's start, as epoch ms. */
  const at = (minutes: number, seconds = 0) => start + minutes * minute + seconds * second
  const device = (await t.ok('devices.create', { name: 'Gateway', siteId: s.site.id }, s.admin.token)).token

  /** A permit valid for 20 hours from the start, on its own space when a tag is given. */
  async function permit(tag?: string) {
    const spaceId = tag
      ? (
          await t.ok(
            'spaces.create',
            { siteId: s.site.id, tag, name: `Tank ${tag}`, classification: 'permit_required' },
            s.supervisor.token,
          )
        ).id
      : s.space.id
    return s.readyPermit({ spaceId, validFrom: start, validTo: start + 20 * hour })
  }

  /** Moves the clock to `when` (never back). */
  function moveTo(when: number) {
    const by = when - t.clock.now()
    if (by < 0) throw new Error('the clock only moves forward')
    t.clock.advance(by)
  }

  /** Ana (or someone else) goes in at `when`, after a fresh test so the interlock lets her. */
  async function enter(permitId: number, when: number, person: { name: string } | { userId: number } = ana) {
    moveTo(when)
    await s.recordTest(permitId)
    return t.ok('entries.recordEntry', { permitId, person }, s.attendant.token)
  }

  async function exit(permitId: number, when: number, person: { name: string } | { userId: number } = ana) {
    moveTo(when)
    return t.ok('entries.recordExit', { permitId, person }, s.attendant.token)
  }

  /** Registers another monitor at the site. */
  const monitor = (serial: string) => s.registerInstrument(s.site.id, serial)

  /**
   * Readings of one monitor every `everyMs` in [from, to), the value given by `gas` at each
   * moment, posted once the clock has reached `to` (a reading may not be from the future).
   */
  async function feed(
    permitId: number,
    serial: string,
    from: number,
    to: number,
    gas: (when: number) => Gas,
    everyMs = 10 * second,
  ) {
    if (t.clock.now() < to) moveTo(to)
    const rows: Record<string, unknown>[] = []
    for (let when = from; when < to; when += everyMs) {
      const values = gas(when)
      if (values) rows.push(reading(permitId, serial, when, values))
    }
    await post(rows)
  }

  const reading = (permitId: number, monitoredBy: string, loggedAt: number, values: { h2s?: number; co?: number }) => ({
    permitId,
    monitoredBy,
    loggedAt,
    ...(values.h2s === undefined ? {} : { h2sPpm: values.h2s }),
    ...(values.co === undefined ? {} : { coPpm: values.co }),
  })

  /** Posts readings as the gateway, a thousand at a time. */
  async function post(rows: Record<string, unknown>[]) {
    for (let index = 0; index < rows.length; index += 1000) {
      const result = await t.call('readings.ingest', { readings: rows.slice(index, index + 1000) }, device)
      if (!result.ok) throw new Error(`readings.ingest failed: ${result.error.message}`)
    }
  }

  return { ...s, start, at, permit, enter, exit, monitor, feed, reading, post, moveTo }
}
