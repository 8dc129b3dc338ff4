import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { Connection } from '../../connection/connection'
import { checkpointClosed, checkpointSlice } from './audit-checkpoint'
import type { CheckpointSlice } from './audit-checkpoint'
import { exportClosed, exportSlice } from './audit-export'
import type { ExportSlice } from './audit-export'
import { recordSlice } from './audit-record'
import type { RecordSlice } from './audit-record'
import type { Visit } from './audit-slice'
import { trailSlice } from './audit-trail'
import type { TrailSlice } from './audit-trail'
import { verifyClosed, verifySlice } from './audit-verify'
import type { VerifySlice } from './audit-verify'

export interface AuditState extends TrailSlice, VerifySlice, ExportSlice, CheckpointSlice, RecordSlice {
  /** Forgets the verification, export and checkpoint of this visit; answers still on their way are dropped. */
  leave(): void
}

export type AuditStore = StoreApi<AuditState>

/** The audit page's store: the trail as filtered, its verification, its export and its checkpoints. */
export function createAuditStore(connection: Connection): AuditStore {
  const visit: Visit = { current: 0 }
  return createStore<AuditState>()((set, get) => ({
    ...trailSlice(connection)(set, get),
    ...verifySlice(connection, visit)(set, get),
    ...exportSlice(connection, visit)(set, get),
    ...checkpointSlice(connection, visit)(set, get),
    ...recordSlice(connection)(set, get),
    leave() {
      visit.current++
      set({ ...verifyClosed, ...exportClosed, ...checkpointClosed })
    },
  }))
}
