import type { PermitDetailDto } from '../../../../shared/contract/permits'
import { fieldProblem, toProblem } from '../../errors/problem'
import type { PermitStoreContext } from './permit-store-context'
import type { PermitViewState } from './permit-view-state'

// The same sentences the permit lifecycle uses, so the window and the server never disagree.
export const closeOutNotesRequired = 'Close-out notes are required: record how the work ended and any problems met.'
export const cancelReasonRequired = 'A reason is required to cancel a permit.'
export const conditionsNotConfirmed = 'must be confirmed by the new entry supervisor'
export const evacuationReasonRequired = 'is required: say why everyone must come out'

type DialogCommands = Pick<
  PermitViewState,
  'openDialog' | 'closeDialog' | 'transition' | 'authorize' | 'transfer' | 'evacuate' | 'assignAttendant'
>

/** The commands behind the permit's dialogs: each closes its dialog on success and reloads. */
export function dialogCommands({ api, set, reload, shownId }: PermitStoreContext): DialogCommands {
  const run = async (command: (permitId: number) => Promise<PermitDetailDto | null>): Promise<void> => {
    const permitId = shownId()
    if (permitId === null) return
    set({ saving: true, dialogProblem: null })
    try {
      const detail = await command(permitId)
      if (shownId() !== permitId) return
      set({ saving: false, dialog: null, ...(detail ? { detail } : {}) })
      void reload()
    } catch (error) {
      if (shownId() !== permitId) return
      set({ saving: false, dialogProblem: toProblem(error) })
    }
  }

  return {
    openDialog: (dialog) => set({ dialog, dialogProblem: null }),
    closeDialog: () => set({ dialog: null, dialogProblem: null }),

    async transition(action, { reason, closeOutNotes }) {
      if (action === 'close' && closeOutNotes.trim() === '') {
        set({ dialogProblem: fieldProblem('closeOutNotes', closeOutNotesRequired) })
        return
      }
      if (action === 'cancel' && reason.trim() === '') {
        set({ dialogProblem: fieldProblem('reason', cancelReasonRequired) })
        return
      }
      await run((permitId) =>
        api.permits.transition({
          permitId,
          action,
          ...(reason.trim() === '' ? {} : { reason }),
          ...(action === 'close' ? { closeOutNotes } : {}),
        }),
      )
    },

    authorize: (password) => run((permitId) => api.permits.authorize({ permitId, password })),

    async transfer({ newSupervisorId, conditionsConfirmed, note }) {
      if (newSupervisorId === null) {
        set({ dialogProblem: fieldProblem('newSupervisorId', 'is required: choose the new entry supervisor') })
        return
      }
      if (!conditionsConfirmed) {
        set({ dialogProblem: fieldProblem('conditionsConfirmed', conditionsNotConfirmed) })
        return
      }
      await run((permitId) =>
        api.permits.transferSupervisor({ permitId, newSupervisorId, conditionsConfirmed: true, note }),
      )
    },

    async evacuate(reason) {
      if (reason.trim() === '') {
        set({ dialogProblem: fieldProblem('reason', evacuationReasonRequired) })
        return
      }
      await run(async (permitId) => {
        await api.evacuations.order({ permitId, reason })
        return null
      })
    },

    assignAttendant: (form) =>
      run(async (permitId) => {
        await api.attendants.assign({ permitId, ...form })
        return null
      }),
  }
}
