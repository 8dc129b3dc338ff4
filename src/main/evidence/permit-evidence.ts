import { eq } from 'drizzle-orm'
import type { PermitDetailDto } from '../../shared/contract/permits'
import { toAlarmDtos } from '../alarms/alarm-repository'
import { grantDtos } from '../access/grant-repository'
import { auditEntryDtos } from '../audit/audit-views'
import type { AuditEntryRow } from '../audit/audit-repository'
import type { SignedCheckpoint } from '../audit/checkpoint'
import type { Db, Sqlite } from '../db/database'
import { accessGrants, accessRequests, alarms, evacuations } from '../db/schema'
import type { PackFiles } from './zip-pack'
import { toCsv } from './zip-pack'
import { readingsSummary } from './readings-summary'

const auditColumns =
  'seq, at, actor_id as actorId, actor_name as actorName, action, entity_type as entityType, entity_id as entityId, before, after, prev_hash as prevHash, hash'

/** The audit entries about these records, oldest first, each kind read through the entity index. */
function entriesAbout(sqlite: Sqlite, records: { entityType: string; ids: readonly number[] }[], upTo: number) {
  const read = sqlite.prepare(
    `select ${auditColumns} from audit_entries where entity_type = ? and entity_id = ? and seq <= ? order by seq`,
  )
  return records
    .flatMap(({ entityType, ids }) => ids.flatMap((id) => read.all(entityType, String(id), upTo) as AuditEntryRow[]))
    .sort((a, b) => a.seq - b.seq)
}

const readme = (
  detail: PermitDetailDto,
  checkpoint: SignedCheckpoint,
  withPdf: boolean,
) => `Evidence pack of permit ${detail.card.number}
${'='.repeat(26 + detail.card.number.length)}

Written by Gatehouse for an external reviewer.

permit.json         The full record: every field of OSHA 1910.146(f)(1)-(15), the authorization
                    (who signed, when, the statement signed), the timeline, every atmospheric test,
                    a summary of the monitored readings per gas, alarms, entries and exits,
                    attendants, evacuations and the access grants linked to the permit.
tests.csv           Every atmospheric test (pre-entry and periodic), as recorded.
entries.csv         Every entry and exit (entryTime, exitTime, remarks).
audit-entries.json  The audit trail's entries about this permit, its alarms and its access requests,
                    each with its hash and the hash of the entry before it.
checkpoint.json     The audit trail's head when the pack was written (entry ${String(checkpoint.seq)}), signed with
                    the installation's Ed25519 key ${checkpoint.keyId}.
${withPdf ? 'permit.pdf          The printed permit, as posted at the portal.\n' : ''}SHA256SUMS          The SHA-256 of every file: sha256sum -c SHA256SUMS
${withPdf ? '' : "\nThis pack was written in browser mode, which makes no PDF: for the printed permit, open the\npermit's print view in Gatehouse and print it.\n"}
To check the audit entries: each entry's hash is SHA-256 over the RFC 8785 canonical JSON of its
other fields; every entry here is at or before the checkpoint. On the installation (or a copy of its
data folder): npm run audit:verify -- --data-dir DIR --checkpoint checkpoint.json
proves that the trail up to the checkpoint, these entries included, is unchanged.
`

/** Every field of a recorded test, in the order a reviewer reads them; times in the CSVs are ISO 8601, UTC. */
const testColumns = [
  'id',
  'takenAt',
  'kind',
  'o2',
  'lel',
  'h2s',
  'co',
  'pass',
  'instrument',
  'takenBy',
  'flagged',
  'source',
] as const
const iso = (at: number | null) => (at === null ? '' : new Date(at).toISOString())

/** The files of a permit's evidence pack; `pdf` is the printed permit when the desktop made one. */
export function permitEvidence(
  deps: { db: Db; sqlite: Sqlite },
  detail: PermitDetailDto,
  checkpoint: SignedCheckpoint,
  pdf: Uint8Array | null,
  now: number,
): PackFiles {
  const { db, sqlite } = deps
  const permitId = detail.card.id
  const alarmRows = db.select().from(alarms).where(eq(alarms.permitId, permitId)).all()
  const requestIds = db
    .select({ id: accessRequests.id })
    .from(accessRequests)
    .where(eq(accessRequests.permitId, permitId))
    .all()
    .map((r) => r.id)
  const grantRows = db.select().from(accessGrants).where(eq(accessGrants.permitId, permitId)).all()
  const ordered = db.select().from(evacuations).where(eq(evacuations.permitId, permitId)).all()
  const record = {
    format: 'gatehouse-permit-evidence/1',
    writtenAt: new Date(now).toISOString(),
    permit: { ...detail, allowedActions: undefined },
    readingsSummary: readingsSummary(sqlite, permitId),
    alarms: toAlarmDtos(db, alarmRows),
    evacuations: ordered,
    accessGrants: grantDtos(db, grantRows, now),
    linkedAccessRequests: requestIds,
  }
  const entries = entriesAbout(
    sqlite,
    [
      { entityType: 'permit', ids: [permitId] },
      { entityType: 'alarm', ids: alarmRows.map((a) => a.id) },
      { entityType: 'access_request', ids: requestIds },
      { entityType: 'access_grant', ids: grantRows.map((g) => g.id) },
      ...(ordered.length > 0 ? [{ entityType: 'evacuation', ids: ordered.map((e) => e.id) }] : []),
    ],
    checkpoint.seq,
  )
  const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`
  return {
    'README.txt': readme(detail, checkpoint, pdf !== null),
    'permit.json': json(record),
    'tests.csv': toCsv(
      detail.tests.map((test) => ({ ...test, takenAt: iso(test.takenAt), flagged: test.flagged.join('; ') })),
      testColumns,
    ),
    'entries.csv': toCsv(
      detail.entries.map((pair) => ({ ...pair, entryTime: iso(pair.entryTime), exitTime: iso(pair.exitTime) })),
      ['personName', 'entryTime', 'exitTime', 'remarks', 'personKey', 'exitId'],
    ),
    'audit-entries.json': json(auditEntryDtos(sqlite, entries)),
    'checkpoint.json': json(checkpoint),
    ...(pdf ? { 'permit.pdf': pdf } : {}),
  }
}
