import { version } from '../../package.json'
import { createTrendHandlers } from './trends/trend-handlers'
import { createTrendService } from './trends/trend-service'
import type { BackupDto, IntegrityCheckDto } from '../shared/contract/system'
import type { Backend, BackendOptions } from './backend-types'
import { createAuditHandlers } from './audit/audit-handlers'
import { createDatalogHandlers } from './datalog-import/datalog-import-handlers'
import { createDatalogImportService } from './datalog-import/datalog-import-service'
import type { DatalogImportOptions } from './datalog-import/datalog-import-service'
import { createEvidenceHandlers } from './evidence/evidence-handlers'
import { createExposureHandlers } from './exposure/exposure-handlers'
import { exportFileOf } from './exports/export-folder'
import { createGasExportHandlers } from './gas-export/gas-export-handlers'
import { createGasExportService } from './gas-export/gas-export-service'
import { createRetentionHandlers } from './retention/retention-handlers'
import { createRetentionService, retentionCheckMs } from './retention/retention-service'
import type { RetentionRunDto } from '../shared/contract/retention'
import { recordSigningKey } from './audit/record-signing-key'
import { loadOrCreateSigningKey } from './audit/signing-key'
import type { Clock } from './core/clock'
import { systemClock } from './core/clock'
import { createDispatch } from './core/dispatch'
import { createEventAccess } from './core/event-access'
import { EventBus } from './core/event-bus'
import type { Handlers } from './core/handler-types'
import { createCommit } from './core/unit-of-work'
import { databaseFileIn, openDatabase } from './db/database'
import { createAccountService } from './identity/account-service'
import { createAuthHandlers, createUserHandlers } from './identity/identity-handlers'
import { createScryptHasher } from './identity/password-hasher'
import type { PasswordHasher } from './identity/password-hasher'
import { defaultSessionPolicy } from './identity/session-policy'
import type { SessionPolicy } from './identity/session-policy'
import { createSessionService } from './identity/session-service'
import { createUserAdminService } from './identity/user-admin-service'
import { migrationsFolder } from './resources-dir'
import { createBackupService } from './system/backup-service'
import { createIntegrityCheckService } from './system/integrity-check-service'
import { createSystemHandlers } from './system/system-handlers'
import { createRestoreHandlers } from './system/restore-handlers'
import { createAtmosphereHandlers } from './atmosphere/atmosphere-handlers'
import { createAttendantHandlers } from './attendants/attendant-handlers'
import { createDemoHandlers } from './demo/demo-handlers'
import { createEntryHandlers } from './entries/entry-handlers'
import { createEntryService } from './entries/entry-service'
import { createEvacuationHandlers } from './evacuations/evacuation-handlers'
import { createHandoverHandlers } from './handover/handover-handlers'
import { createPermitHandlers } from './permits/permit-handlers'
import { createPermitService } from './permits/permit-service'
import { createSiteHandlers } from './sites/site-handlers'
import { createSpaceHandlers } from './spaces/space-handlers'
import { createAlarmEngine } from './alarms/alarm-engine'
import { createAlarmHandlers } from './alarms/alarm-handlers'
import { createStaleWatch } from './alarms/stale-watch'
import { createDeviceHandlers } from './devices/device-handlers'
import { createDeviceService, defaultDeviceLimits } from './devices/device-service'
import type { DeviceLimits } from './devices/device-service'
import { createInstrumentHandlers } from './instruments/instrument-handlers'
import { createIngestService } from './readings/ingest-service'
import { createReadingHandlers } from './readings/reading-handlers'
import { createSimulator } from './simulator/simulator'
import { createSimulatorHandlers } from './simulator/simulator-handlers'
import { createAccessHandlers } from './access/access-handlers'
import { createAccessSweep } from './access/access-sweep'
import { createGrantService } from './access/grant-service'
import { createRequestService } from './access/request-service'
import { createNotificationHandlers } from './notifications/notification-handlers'

/** What tests may replace; production uses the defaults. */
export interface BackendOverrides {
  clock?: Clock
  hasher?: PasswordHasher
  sessionPolicy?: SessionPolicy
  logError?: (reference: string, error: unknown) => void
  deviceLimits?: DeviceLimits
  datalog?: DatalogImportOptions
}

const sessionRecheckMs = 15_000
/** How often permits whose validity ended are moved to expired. */
const expiryCheckMs = 15_000
/** How often feeds are checked for silence; the site's own gap (default 60 s) decides what is stale. */
const staleCheckMs = 5_000
/** How often the backup schedule is looked at; its own interval (default 24 h) decides when one is due. */
const backupCheckMs = 10 * 60_000
/** The first look at the schedule, a minute after start-up. */
const backupAfterStartMs = 60_000
/** How often the full integrity check's schedule is looked at; its own interval (default 24 h) decides when one is due. */
const integrityCheckMs = 10 * 60_000
/** The first look, after the first look at the backups: both read the whole file. */
const integrityCheckAfterStartMs = 3 * 60_000

/** The first look at retention, after the backup's and the integrity check's first looks. */
const retentionAfterStartMs = 5 * 60_000

/** Opens the database and wires every service, handler and the gate. */
export function createBackend(
  options: BackendOptions,
  overrides: BackendOverrides = {},
): Backend & {
  bus: EventBus
  handlers: Handlers
  expireDue(): number
  checkStale(): number
  simulatorTick(): void
  /** Time-driven access work: expiries and reminders; returns how many items changed. */
  sweepAccess(): number
  /** Takes a scheduled backup when one is due and removes those beyond the kept; null when none was due. */
  runDueBackups(): Promise<BackupDto | null>
  /** Removes the raw readings past their site's retention, in batches; null when none were due. */
  runDueRetention(): Promise<RetentionRunDto | null>
  /** Settles once the start-up finished the datalog imports a crash or restart interrupted. */
  datalogResumed: Promise<void>
  /** Runs the full integrity check when one is due (in a worker thread); null when none was due. */
  runDueIntegrityCheck(): Promise<IntegrityCheckDto | null>
} {
  const clock = overrides.clock ?? systemClock
  const hasher = overrides.hasher ?? createScryptHasher()
  const sessionPolicy = overrides.sessionPolicy ?? defaultSessionPolicy
  const database = openDatabase({
    file: databaseFileIn(options.dataDir),
    migrationsFolder,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  })
  const { db } = database
  const bus = new EventBus()
  const commit = createCommit(db, clock, bus)
  const signingKey = loadOrCreateSigningKey(options.dataDir)
  recordSigningKey(db, commit, signingKey)
  const sessions = createSessionService({ db, commit, clock, policy: sessionPolicy })
  const accounts = createAccountService({ db, commit, clock, hasher, sessionPolicy })
  const userAdmin = createUserAdminService({ db, commit, hasher })
  const { signatures } = accounts
  const permitService = createPermitService({ db, commit, clock, signatures })
  const entries = createEntryService({ db, commit, clock, permits: permitService })
  const alarmEngine = createAlarmEngine(permitService)
  const ingest = createIngestService({ sqlite: database.sqlite, commit, alarms: alarmEngine })
  const datalogImports = createDatalogImportService({
    db,
    sqlite: database.sqlite,
    commit,
    clock,
    bus,
    ...(overrides.datalog ? { options: overrides.datalog } : {}),
  })
  const devices = createDeviceService(db, clock, overrides.deviceLimits ?? defaultDeviceLimits)
  const simulator = createSimulator({ db, commit, clock, ingest })
  const checkStale = createStaleWatch(db, commit, clock)
  const accessRequestService = createRequestService({ db, commit, clock })
  const grantService = createGrantService({ db, commit, clock })
  const sweepAccess = createAccessSweep({
    db,
    commit,
    clock,
    bus,
    requests: accessRequestService,
    grants: grantService,
  })
  const mayReceive = createEventAccess(db)
  const retention = createRetentionService({ sqlite: database.sqlite, commit, clock })
  const backups = createBackupService({ database, commit, clock, signingKey, dataDir: options.dataDir })
  const integrityChecks = createIntegrityCheckService({
    database,
    commit,
    clock,
    bus,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  })
  integrityChecks.recordStartup({ at: clock.now(), ...database.startupCheck })

  const handlers = {
    ...createAuthHandlers(accounts),
    ...createUserHandlers(userAdmin),
    ...createAuditHandlers({ database, commit, clock, bus, signingKey, dataDir: options.dataDir }),
    ...createSystemHandlers({
      database,
      commit,
      backups,
      integrityChecks,
      facts: { version, dataDir: options.dataDir },
    }),
    ...createRestoreHandlers({
      database,
      backups,
      signatures,
      dataDir: options.dataDir,
      host: options.restoreHost ?? null,
    }),
    ...createSiteHandlers(db, commit),
    ...createSpaceHandlers(db, commit),
    ...createPermitHandlers(db, clock, permitService),
    ...createAttendantHandlers(db, commit),
    ...createEntryHandlers(db, entries),
    ...createAtmosphereHandlers(db, clock, ingest),
    ...createEvacuationHandlers(db, commit, permitService),
    ...createHandoverHandlers({ db, commit, clock, signatures, signingKey }),
    ...createDemoHandlers(commit, hasher),
    ...createTrendHandlers(createTrendService({ db, sqlite: database.sqlite })),
    ...createDatalogHandlers(datalogImports),
    ...createInstrumentHandlers(db, commit, clock),
    ...createReadingHandlers(db, clock, ingest),
    ...createAlarmHandlers(db, commit, clock),
    ...createDeviceHandlers(db, commit),
    ...createSimulatorHandlers(simulator),
    ...createAccessHandlers({ db, commit, clock, requests: accessRequestService, grants: grantService }),
    ...createNotificationHandlers(db, commit),
    ...createEvidenceHandlers({
      database,
      commit,
      clock,
      signingKey,
      dataDir: options.dataDir,
      permits: permitService,
    }),
    ...createExposureHandlers(db, clock),
    ...createRetentionHandlers(db, retention),
    ...createGasExportHandlers(
      createGasExportService({
        db,
        sqlite: database.sqlite,
        commit,
        clock,
        bus,
        signingKey,
        dataDir: options.dataDir,
      }),
    ),
  } satisfies Handlers

  // Expiry is time-driven: checked at start-up and on a timer (tests call expireDue directly).
  permitService.expireDue()
  sweepAccess()
  const expiryTimer = overrides.clock
    ? null
    : setInterval(() => {
        try {
          permitService.expireDue()
          sweepAccess()
        } catch (error) {
          // A busy or failing database must not take the console down; the next tick retries.
          console.error('[gatehouse] permit expiry check failed', error)
        }
      }, expiryCheckMs)
  expiryTimer?.unref()
  const staleTimer = overrides.clock
    ? null
    : setInterval(() => {
        try {
          checkStale()
        } catch (error) {
          console.error('[gatehouse] stale-feed check failed', error)
        }
      }, staleCheckMs)
  staleTimer?.unref()
  // Checked at start-up and on a timer; a failure is shown on the Admin page and retried next time.
  const runScheduledBackup = () => {
    backups.runDue().catch((error: unknown) => console.error('[gatehouse] scheduled backup failed', error))
  }
  const backupTimer = overrides.clock ? null : setInterval(runScheduledBackup, backupCheckMs)
  let backupAfterStart: NodeJS.Timeout | null = null
  backupTimer?.unref()
  if (!overrides.clock) {
    simulator.run()
    // Not during start-up itself: a backup and its integrity check would hold up the first screen.
    backupAfterStart = setTimeout(runScheduledBackup, backupAfterStartMs)
    backupAfterStart.unref()
  }
  // Retention is time-driven: looked at on a timer, well after start-up (it may remove millions of rows).
  const runRetention = () => {
    retention.runDue().catch((error: unknown) => console.error('[gatehouse] reading retention failed', error))
  }
  const retentionTimer = overrides.clock ? null : setInterval(runRetention, retentionCheckMs)
  retentionTimer?.unref()
  const retentionAfterStart = overrides.clock ? null : setTimeout(runRetention, retentionAfterStartMs)
  retentionAfterStart?.unref()

  // Start-up checks only what it can in bounded time; the full check reads every page, in a worker.
  const runScheduledCheck = () => {
    integrityChecks
      .runDue()
      .catch((error: unknown) => console.error('[gatehouse] scheduled integrity check failed', error))
  }
  const integrityTimer = overrides.clock ? null : setInterval(runScheduledCheck, integrityCheckMs)
  integrityTimer?.unref()
  const integrityAfterStart = overrides.clock ? null : setTimeout(runScheduledCheck, integrityCheckAfterStartMs)
  integrityAfterStart?.unref()

  // Roll forward: a datalog import whose commit had started before a crash or restart is finished
  // now, in chunks that leave the console free; imports still being checked are dropped.
  const datalogResumed = datalogImports
    .resume()
    .catch((error: unknown) => console.error('[gatehouse] finishing interrupted datalog imports failed', error))

  const dispatch = createDispatch({
    handlers,
    sessions,
    devices,
    ...(overrides.logError ? { logError: overrides.logError } : {}),
  })

  return {
    dispatch,
    bus,
    handlers,
    dataDir: options.dataDir,
    databaseFile: database.file,
    exportFile(token, name) {
      const principal = sessions.peek(token)
      return principal ? exportFileOf(options.dataDir, principal.userId, name) : null
    },
    openEventStream(token, deliver, onEnded) {
      if (!sessions.peek(token)) return null
      let open = true
      const close = () => {
        if (!open) return
        open = false
        unsubscribe()
        clearInterval(recheck)
      }
      // Each event re-checks the session, so a logout or deactivation stops delivery at once.
      const stillLive = () => {
        const principal = sessions.peek(token)
        if (!principal && open) {
          close()
          onEnded()
        }
        return principal
      }
      const unsubscribe = bus.subscribe((message) => {
        const principal = stillLive()
        if (principal && mayReceive(principal, message)) deliver(message)
      })
      const recheck = setInterval(stillLive, sessionRecheckMs)
      recheck.unref()
      return { close }
    },
    expireDue: () => permitService.expireDue(),
    checkStale,
    simulatorTick: () => simulator.tick(),
    sweepAccess,
    runDueBackups: () => backups.runDue(),
    runDueRetention: () => retention.runDue(),
    datalogResumed,
    runDueIntegrityCheck: () => integrityChecks.runDue(),
    close: () => {
      if (integrityTimer) clearInterval(integrityTimer)
      if (integrityAfterStart) clearTimeout(integrityAfterStart)
      integrityChecks.close()
      if (expiryTimer) clearInterval(expiryTimer)
      if (staleTimer) clearInterval(staleTimer)
      if (backupTimer) clearInterval(backupTimer)
      if (backupAfterStart) clearTimeout(backupAfterStart)
      if (retentionTimer) clearInterval(retentionTimer)
      if (retentionAfterStart) clearTimeout(retentionAfterStart)
      simulator.close()
      datalogImports.close()
      database.close()
    },
  }
}
