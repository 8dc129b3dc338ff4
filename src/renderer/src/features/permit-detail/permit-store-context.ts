import type { StoreApi } from 'zustand/vanilla'
import type { Api } from '../../../../shared/client/api'
import type { PermitViewState } from './permit-view-state'

/** What the command halves of the permit store share with the half that loads. */
export interface PermitStoreContext {
  api: Api
  set: StoreApi<PermitViewState>['setState']
  get(): PermitViewState
  /** Reads the permit again now (events also do, a moment later). */
  reload(): Promise<void>
  /** The permit shown, or null when the page has closed; answers for another permit are dropped. */
  shownId(): number | null
}
