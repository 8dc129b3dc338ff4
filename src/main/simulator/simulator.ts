import { inArray } from 'drizzle-orm'
import { isTerminal } from '../../shared/domain/permit-lifecycle'
import type { Actor } from '../audit/audit-repository'
import type { Clock } from '../core/clock'
import type { Commit } from '../core/unit-of-work'
import type { Db } from '../db/database'
import { instruments, permits } from '../db/schema'
import { findInstrumentBySerial } from '../instruments/instrument-repository'
import { requirePermit } from '../permits/permit-repository'
import type { IngestService } from '../readings/ingest-service'
import { startWalk, stepWalk, type Walk } from './gas-walk'

interface Running {
  permitId: number
  permitNumber: string
  instrumentSerial: string
  startedAt: number
  readings: number
  walk: Walk
}

const simulatorActor: Actor = { id: null, name: 'simulator' }
const year = 365 * 24 * 60 * 60_000

/**
 * Simulated monitors for demos and training: one per permit, a reading a second through the same
 * ingest path as a real monitor, each marked simulated. A simulated monitor is registered in the
 * site's register as such; it stops by itself when its permit closes.
 */
export function createSimulator(deps: {
  db: Db
  commit: Commit
  clock: Clock
  ingest: IngestService
  random?: () => number
}) {
  const { db, commit, clock, ingest } = deps
  const random = deps.random ?? Math.random
  const running = new Map<number, Running>()
  let timer: ReturnType<typeof setInterval> | null = null

  const status = () =>
    [...running.values()].map(({ permitId, permitNumber, instrumentSerial, startedAt, readings }) => ({
      permitId,
      permitNumber,
      instrumentSerial,
      startedAt,
      readings,
    }))

  /** One reading from every running monitor; permits that ended stop their monitor. */
  function tick(): void {
    if (running.size === 0) return
    const ids = [...running.keys()]
    const states = new Map(
      db
        .select({ id: permits.id, state: permits.state })
        .from(permits)
        .where(inArray(permits.id, ids))
        .all()
        .map((p) => [p.id, p.state]),
    )
    const now = clock.now()
    const readings = []
    for (const run of running.values()) {
      const state = states.get(run.permitId)
      if (!state || isTerminal(state)) {
        running.delete(run.permitId)
        continue
      }
      const step = stepWalk(run.walk, random)
      run.walk = step.walk
      run.readings += 1
      readings.push({
        permitId: run.permitId,
        loggedAt: now,
        monitoredBy: run.instrumentSerial,
        kind: 'continuous' as const,
        oxygenPercent: step.values.o2,
        lelPercent: step.values.lel,
        h2sPpm: step.values.h2s,
        coPpm: step.values.co,
      })
    }
    if (readings.length === 0) return
    ingest.ingest(readings, {
      actor: simulatorActor,
      source: 'simulator',
      siteId: null,
      testerName: 'Simulator',
      key: 'simulator',
    })
  }

  return {
    status,
    tick,
    start(actor: Actor, permitIds: readonly number[]) {
      return commit(actor, (tx, now) => {
        const started: string[] = []
        for (const permitId of permitIds) {
          const permit = requirePermit(tx, permitId)
          if (isTerminal(permit.state) || running.has(permit.id)) continue
          const serial = `SIM-${permit.number}`
          if (!findInstrumentBySerial(tx, serial))
            tx.insert(instruments)
              .values({
                siteId: permit.siteId,
                serial,
                model: 'Gatehouse simulator (not a real instrument)',
                name: `Simulated monitor for ${permit.number}`,
                sensors: ['o2', 'lel', 'h2s', 'co'],
                lastBumpAt: now,
                calibrationDueAt: now + year,
                status: 'in_service',
                createdAt: now,
                updatedAt: now,
              })
              .run()
          running.set(permit.id, {
            permitId: permit.id,
            permitNumber: permit.number,
            instrumentSerial: serial,
            startedAt: now,
            readings: 0,
            walk: startWalk(),
          })
          started.push(permit.number)
        }
        return {
          value: status(),
          audit: { action: 'simulator.started', entityType: 'simulator', entityId: null, after: { permits: started } },
        }
      })
    },
    stop(actor: Actor, permitIds: readonly number[] | undefined) {
      return commit(actor, () => {
        const stopped = (permitIds ?? [...running.keys()]).filter((id) => running.delete(id))
        return {
          value: status(),
          audit: {
            action: 'simulator.stopped',
            entityType: 'simulator',
            entityId: null,
            after: { permitIds: stopped },
          },
        }
      })
    },
    /** Runs the 1 Hz timer (not in tests, which call tick() with their own clock). */
    run(): void {
      timer ??= setInterval(() => {
        try {
          tick()
        } catch (error) {
          console.error('[gatehouse] simulator tick failed', error)
        }
      }, 1000)
      timer.unref()
    },
    close(): void {
      if (timer) clearInterval(timer)
      timer = null
    },
  }
}

export type Simulator = ReturnType<typeof createSimulator>
