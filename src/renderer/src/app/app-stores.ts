import type { Connection } from '../connection/connection'
import { createMyAccessStore } from '../features/access/my-access-store'
import type { MyAccessStore } from '../features/access/my-access-store'
import { createRequestStore } from '../features/access/request-store'
import type { RequestStore } from '../features/access/request-store'
import { createCatalogueStore } from '../features/access-catalogue/catalogue-store'
import type { CatalogueStore } from '../features/access-catalogue/catalogue-store'
import { createGrantsStore } from '../features/access-grants/grants-store'
import type { GrantsStore } from '../features/access-grants/grants-store'
import { createQueueStore } from '../features/access-queue/queue-store'
import type { QueueStore } from '../features/access-queue/queue-store'
import { createReviewsStore } from '../features/access-reviews/reviews-store'
import type { ReviewsStore } from '../features/access-reviews/reviews-store'
import { createAlarmListStore } from '../features/alarm-list/alarm-list-store'
import type { AlarmListStore } from '../features/alarm-list/alarm-list-store'
import { askingOnce } from '../features/alarms/alarm-notifier'
import { browserAlarmOutputs, createAlarmStore } from '../features/alarms/alarm-store'
import type { AlarmOutputs, AlarmsStore } from '../features/alarms/alarm-store'
import { createGasExportStore } from '../features/gas-export/gas-export-store'
import type { GasExportStore } from '../features/gas-export/gas-export-store'
import { createRetentionStore } from '../features/retention/retention-store'
import type { RetentionStore } from '../features/retention/retention-store'
import { createExposureStore } from '../features/exposure/exposure-store'
import type { ExposureStore } from '../features/exposure/exposure-store'
import { createDatalogImportStore } from '../features/datalog-import/datalog-import-store'
import type { DatalogImportStore } from '../features/datalog-import/datalog-import-store'
import { createEvidenceStore } from '../features/evidence/evidence-store'
import type { EvidenceStore } from '../features/evidence/evidence-store'
import { createPlaygroundStore } from '../features/api-playground/playground-store'
import type { PlaygroundStore } from '../features/api-playground/playground-store'
import { createAuditStore } from '../features/audit/audit-store'
import type { AuditStore } from '../features/audit/audit-store'
import { createUsersStore } from '../features/admin/users-store'
import type { UsersStore } from '../features/admin/users-store'
import { createBoardStore } from '../features/board/board-store'
import type { BoardStore } from '../features/board/board-store'
import { createDevicesStore } from '../features/devices/devices-store'
import type { DevicesStore } from '../features/devices/devices-store'
import { createEntriesStore } from '../features/entries/entries-store'
import type { EntriesStore } from '../features/entries/entries-store'
import { createHandoverStore } from '../features/handover/handover-store'
import type { HandoverStore } from '../features/handover/handover-store'
import { createInstrumentsStore } from '../features/instruments/instruments-store'
import type { InstrumentsStore } from '../features/instruments/instruments-store'
import { createInboxStore } from '../features/notifications/inbox-store'
import type { InboxStore } from '../features/notifications/inbox-store'
import { createPeopleStore } from '../features/people/people-store'
import type { PeopleStore } from '../features/people/people-store'
import { createPermitStore } from '../features/permit-detail/permit-store'
import type { PermitStore } from '../features/permit-detail/permit-store'
import { createPdfStore } from '../features/permit-print/pdf-store'
import type { PdfStore } from '../features/permit-print/pdf-store'
import { createPermitFormStore } from '../features/permits/permit-form-store'
import type { PermitFormStore } from '../features/permits/permit-form-store'
import { createSessionStore } from '../features/session/session-store'
import type { SessionStore } from '../features/session/session-store'
import { createSimulatorStore } from '../features/simulator/simulator-store'
import type { SimulatorStore } from '../features/simulator/simulator-store'
import { createSitesStore } from '../features/sites/sites-store'
import type { SitesStore } from '../features/sites/sites-store'
import { createSpacesStore } from '../features/spaces/spaces-store'
import type { SpacesStore } from '../features/spaces/spaces-store'
import { createIntegrityChecksStore } from '../features/system/integrity-checks-store'
import type { IntegrityChecksStore } from '../features/system/integrity-checks-store'
import { createSystemStore } from '../features/system/system-store'
import type { SystemStore } from '../features/system/system-store'
import { createTrendSubjectsStore } from '../features/trends/trend-subjects-store'
import type { TrendSubjectsStore } from '../features/trends/trend-subjects-store'
import { createTrendsStore } from '../features/trends/trends-store'
import type { TrendsStore } from '../features/trends/trends-store'
import { createClockStore } from '../live/clock-store'
import type { ClockStore } from '../live/clock-store'
import { createThemeStore } from '../theme/theme-store'
import type { ThemeStore } from '../theme/theme-store'

/** One set of stores per window and connection, so tests get fresh ones with a fake transport. */
export interface AppStores {
  session: SessionStore
  theme: ThemeStore
  clock: ClockStore
  audit: AuditStore
  users: UsersStore
  people: PeopleStore
  board: BoardStore
  permit: PermitStore
  permitForm: PermitFormStore
  pdf: PdfStore
  spaces: SpacesStore
  sites: SitesStore
  entries: EntriesStore
  handover: HandoverStore
  alarms: AlarmsStore
  alarmList: AlarmListStore
  instruments: InstrumentsStore
  devices: DevicesStore
  system: SystemStore
  integrityChecks: IntegrityChecksStore
  simulator: SimulatorStore
  catalogue: CatalogueStore
  myAccess: MyAccessStore
  request: RequestStore
  queue: QueueStore
  grants: GrantsStore
  reviews: ReviewsStore
  inbox: InboxStore
  playground: PlaygroundStore
  evidence: EvidenceStore
  datalogImport: DatalogImportStore
  exposure: ExposureStore
  trends: TrendsStore
  trendSubjects: TrendSubjectsStore
  retention: RetentionStore
  gasExport: GasExportStore
}

/**
 * `alarmOutputs`: the tone's audio and the desktop notifications, which tests replace with fakes;
 * the inbox shows its notifications on the same desktop.
 */
export function createAppStores(connection: Connection, alarmOutputs: AlarmOutputs = browserAlarmOutputs()): AppStores {
  const session = createSessionStore(connection)
  const clock = createClockStore()
  const desktop = askingOnce(alarmOutputs.notifications)
  return {
    session,
    theme: createThemeStore(),
    clock,
    audit: createAuditStore(connection),
    users: createUsersStore(connection, {
      onUserSaved: (user) => session.getState().userChanged(user),
    }),
    people: createPeopleStore(connection),
    board: createBoardStore(connection, clock),
    permit: createPermitStore(connection, clock),
    permitForm: createPermitFormStore(connection),
    pdf: createPdfStore(connection),
    spaces: createSpacesStore(connection),
    sites: createSitesStore(connection),
    entries: createEntriesStore(connection),
    handover: createHandoverStore(connection),
    alarms: createAlarmStore(connection, clock, { ...alarmOutputs, notifications: desktop }),
    alarmList: createAlarmListStore(connection),
    instruments: createInstrumentsStore(connection),
    devices: createDevicesStore(connection),
    system: createSystemStore(connection),
    integrityChecks: createIntegrityChecksStore(connection),
    simulator: createSimulatorStore(connection),
    catalogue: createCatalogueStore(connection),
    myAccess: createMyAccessStore(connection, session),
    request: createRequestStore(connection),
    queue: createQueueStore(connection),
    grants: createGrantsStore(connection),
    reviews: createReviewsStore(connection),
    inbox: createInboxStore(connection, desktop),
    playground: createPlaygroundStore(connection),
    evidence: createEvidenceStore(connection),
    datalogImport: createDatalogImportStore(connection),
    exposure: createExposureStore(connection),
    trends: createTrendsStore(connection, clock),
    trendSubjects: createTrendSubjectsStore(connection),
    retention: createRetentionStore(connection),
    gasExport: createGasExportStore(connection),
  }
}
