import { eq, inArray } from 'drizzle-orm'
import type { LiveValuesDto } from '../../shared/contract/live-values'
import { breachOf } from '../../shared/domain/alarm-levels'
import { warningFor } from '../../shared/domain/atmosphere'
import { gases, gasInfo, type Gas } from '../../shared/domain/gases'
import { instrumentReadiness } from '../../shared/domain/instrument-readiness'
import { fromSteps } from '../../shared/domain/reading-values'
import type { Db } from '../db/database'
import { instruments, liveValues } from '../db/schema'
import { profileOf } from '../permits/permit-fields'
import { conditionsOf } from '../permits/permit-repository'
import type { PermitRow } from '../permits/permit-repository'

/** The newest value of each gas from each instrument, per permit, judged as the alarm engine judges it. */
export function liveValuesOf(db: Db, permitRows: readonly PermitRow[], now: number): Map<number, LiveValuesDto[]> {
  const result = new Map<number, LiveValuesDto[]>()
  if (permitRows.length === 0) return result
  const rows = db
    .select({ live: liveValues, serial: instruments.serial, name: instruments.name, instrument: instruments })
    .from(liveValues)
    .innerJoin(instruments, eq(instruments.id, liveValues.instrumentId))
    .where(
      inArray(
        liveValues.permitId,
        permitRows.map((p) => p.id),
      ),
    )
    .all()
  const byId = new Map(permitRows.map((p) => [p.id, p]))
  for (const row of rows) {
    const permit = byId.get(row.live.permitId)
    const gas = gases[row.live.gas] as Gas | undefined
    if (!permit || !gas) continue
    const list = result.get(permit.id) ?? []
    let entry = list.find((item) => item.instrumentId === row.live.instrumentId)
    if (!entry) {
      entry = {
        instrumentId: row.live.instrumentId,
        monitoredBy: row.serial,
        instrumentName: row.name,
        simulated: row.live.simulated,
        flagged: instrumentReadiness(row.instrument, now).problems,
        gases: [],
      }
      list.push(entry)
    }
    const value = fromSteps(gas, row.live.value)
    const conditions = conditionsOf(permit)
    const breach = breachOf(gas, value, conditions, profileOf(permit.limitProfile))
    entry.gases.push({
      gas,
      value,
      loggedAt: row.live.takenAt,
      status: breach ? 'breach' : warningFor(gas, value, conditions) ? 'warning' : 'ok',
      requirement: breach?.message ?? `${gasInfo[gas].symbol} within limits`,
    })
    result.set(permit.id, list)
  }
  for (const list of result.values())
    for (const entry of list) entry.gases.sort((a, b) => gases.indexOf(a.gas) - gases.indexOf(b.gas))
  return result
}
