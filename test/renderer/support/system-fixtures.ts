import type { ProcedureOutput } from '../../../src/shared/contract/procedures'
import type { BackupDto, IntegrityCheckDto } from '../../../src/shared/contract/system'
import type { FakeTransport } from './fake-transport'
import { ok } from './fake-transport'

export const systemInfo: ProcedureOutput<'system.info'> = {
  version: '0.1.0',
  dataDir: '/srv/gatehouse',
  databaseFile: '/srv/gatehouse/gatehouse.db',
  migrationsApplied: 17,
}

export const aBackup = (overrides: Partial<BackupDto> = {}): BackupDto => ({
  id: 1,
  file: 'gatehouse-20261121T080000Z-scheduled.db',
  bytes: 1_234_567,
  at: Date.UTC(2026, 10, 21, 8, 0, 0),
  trigger: 'scheduled',
  integrity: 'ok',
  checkpointSeq: 42,
  onDisk: true,
  removedAt: null,
  ...overrides,
})

export const backupsPage = (
  items: BackupDto[] = [],
  overrides: Partial<ProcedureOutput<'system.backups'>> = {},
): ProcedureOutput<'system.backups'> => ({
  items,
  total: items.length,
  schedule: { everyHours: 24, keepScheduled: 14, updatedAt: null },
  backupsDir: '/srv/gatehouse/backups',
  nextDueAt: null,
  lastFailure: null,
  ...overrides,
})

export const aCheck = (overrides: Partial<IntegrityCheckDto> = {}): IntegrityCheckDto => ({
  id: 1,
  at: Date.UTC(2026, 10, 21, 7, 0, 0),
  trigger: 'startup',
  result: 'ok',
  durationMs: 23,
  pages: 76_537,
  ...overrides,
})

/** The checks as the server lists them: the last of each kind taken from the items given. */
export const checksPage = (
  items: IntegrityCheckDto[] = [aCheck()],
  overrides: Partial<ProcedureOutput<'system.integrityChecks'>> = {},
): ProcedureOutput<'system.integrityChecks'> => {
  const lastFull = items.find((check) => check.trigger !== 'startup') ?? null
  return {
    items,
    total: items.length,
    schedule: { everyHours: 24, updatedAt: null },
    lastFull,
    lastStartup: items.find((check) => check.trigger === 'startup') ?? null,
    running: null,
    nextDueAt: lastFull ? lastFull.at + 24 * 3_600_000 : null,
    ...overrides,
  }
}

/** Reading retention as a fresh installation has it: one site at the default, no run yet. */
export const retentionStatus = (
  overrides: Partial<ProcedureOutput<'retention.status'>> = {},
): ProcedureOutput<'retention.status'> => ({
  sites: [{ siteId: 1, code: 'NORTH', name: 'North Plant', rawReadingDays: 400 }],
  minimumDays: 365,
  lastRun: null,
  lastCheckedAt: null,
  lastFailure: null,
  everyMinutes: 60,
  ...overrides,
})

/** The Admin page's System and Backups sections, with no backup taken yet and only start-up's check made. */
export const scriptSystem = (transport: FakeTransport): FakeTransport =>
  transport
    .on('system.info', ok(systemInfo))
    .on('system.backups', ok(backupsPage()))
    .on('system.integrityChecks', ok(checksPage()))
    .on('retention.status', ok(retentionStatus()))
