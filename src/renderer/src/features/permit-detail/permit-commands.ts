import { fieldProblem, toProblem } from '../../errors/problem'
import type { PermitStoreContext } from './permit-store-context'
import type { PermitViewState } from './permit-view-state'

// The same sentences the permit lifecycle uses, so the window and the server never disagree.
export const closeOutNotesRequired = 'Close-out notes are required: record how the work ended and any problems met.'
export const cancelReasonRequired = 'A reason is required to cancel a permit.'
export const conditionsNotConfirmed = 'must be confirmed by the new entry supervisor'
export const evacuationReasonRequired = 'is required: say why everyone must come out'
export const correctionReasonRequired = 'is required: say how the exit came to be logged by mistake'

type DialogCommands = Pick<
  PermitViewState,
  | 'openDialog'
  | 'closeDialog'
  | 'transition'
  | 'authorize'
  | 'transfer'
  | 'evacuate'
  | 'assignAttendant'
  | 'correctExit'
>

/** The commands behind the permit's dialogs: each closes its dialog on success and reloads. */
export function dialogCommands({ api, set, reload, shownId }: PermitStoreContext): DialogCommands {
  /** Runs the command; on success closes the dialog, applies what the command returned, and reloads. */
  const run = async (command: (permitId: number) => Promise<Partial<PermitViewState>>): Promise<void> => {
    const permitId = shownId()
    if (permitId === null) return
    set({ saving: true, dialogProblem: null })
    try {
      const patch = await command(permitId)
      if (shownId() !== permitId) return
      set({ saving: false, dialog: null, ...patch })
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
      await run(async (permitId) => ({
        detail: await api.permits.transition({
          permitId,
          action,
          ...(reason.trim() === '' ? {} : { reason }),
          ...(action === 'close' ? { closeOutNotes } : {}),
        }),
      }))
    },

    authorize: (password, confirmedMeasures) =>
      run(async (permitId) => ({ detail: await api.permits.authorize({ permitId, password, confirmedMeasures }) })),

    async transfer({ newSupervisorId, conditionsConfirmed, note }) {
      if (newSupervisorId === null) {
        set({ dialogProblem: fieldProblem('newSupervisorId', 'is required: choose the new entry supervisor') })
        return
      }
      if (!conditionsConfirmed) {
        set({ dialogProblem: fieldProblem('conditionsConfirmed', conditionsNotConfirmed) })
        return
      }
      await run(async (permitId) => ({
        detail: await api.permits.transferSupervisor({ permitId, newSupervisorId, conditionsConfirmed: true, note }),
      }))
    },

    async evacuate(reason) {
      if (reason.trim() === '') {
        set({ dialogProblem: fieldProblem('reason', evacuationReasonRequired) })
        return
      }
      await run(async (permitId) => {
        await api.evacuations.order({ permitId, reason })
        return {}
      })
    },

    assignAttendant: (form) =>
      run(async (permitId) => {
        await api.attendants.assign({ permitId, ...form })
        return {}
      }),

    async correctExit(exitId, reason) {
      if (reason.trim() === '') {
        set({ dialogProblem: fieldProblem('reason', correctionReasonRequired) })
        return
      }
      await run(async (permitId) => {
        const entry = await api.entries.correctExit({ permitId, exitId, reason })
        const message = `${entry.personName} is back inside: the exit logged by mistake was corrected. ${String(entry.headcount)} inside.`
        return { portalNotice: { severity: 'success', message } }
      })
    },
  }
}
