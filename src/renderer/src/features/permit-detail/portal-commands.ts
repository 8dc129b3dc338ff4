import { fieldProblem, toProblem } from '../../errors/problem'
import type { PermitStoreContext } from './permit-store-context'
import type { PermitViewState } from './permit-view-state'

type PortalCommands = Pick<PermitViewState, 'recordEntry' | 'recordExit' | 'recordTest' | 'setAttendantStatus'>

export const chooseEntrantMessage = 'Choose the entrant who is going in.'

/** What the attendant does at the portal: entries, exits, tests and going on or off duty. */
export function portalCommands({ api, set, reload, shownId }: PermitStoreContext): PortalCommands {
  return {
    async recordEntry(person, name) {
      const permitId = shownId()
      if (permitId === null) return false
      if (person === null) {
        set({ entryRefusal: null, entryProblem: fieldProblem('person', chooseEntrantMessage), portalNotice: null })
        return false
      }
      set({ entryPending: true, entryRefusal: null, entryProblem: null, portalNotice: null })
      try {
        const entry = await api.entries.recordEntry({ permitId, person })
        if (shownId() !== permitId) return false
        set({
          entryPending: false,
          portalNotice: {
            severity: 'success',
            message: `${entry.personName} entered. ${String(entry.headcount)} inside.`,
          },
        })
        void reload()
        return true
      } catch (error) {
        if (shownId() !== permitId) return false
        const problem = toProblem(error)
        // The interlock sends every unmet condition as data; anything else is an ordinary failure.
        if (problem.code === 'PRECONDITION_FAILED' && problem.unmet.length > 0)
          set({ entryPending: false, entryRefusal: { personName: name, unmet: problem.unmet } })
        else set({ entryPending: false, entryProblem: problem })
        return false
      }
    },

    // 1910.146: exit is never blocked. Nothing here waits for, disables or second-guesses an exit.
    async recordExit(person, name) {
      const permitId = shownId()
      if (permitId === null) return false
      try {
        const exit = await api.entries.recordExit({ permitId, person })
        if (shownId() !== permitId) return false
        set({
          portalNotice: exit.warning
            ? { severity: 'warning', message: `${exit.personName} is out. ${exit.warning}` }
            : { severity: 'success', message: `${exit.personName} is out. ${String(exit.headcount)} inside.` },
        })
        void reload()
        return true
      } catch (error) {
        if (shownId() !== permitId) return false
        set({
          portalNotice: {
            severity: 'error',
            message: `The exit of ${name} was NOT recorded: ${toProblem(error).message} Keep your own count and press Exit again.`,
          },
        })
        return false
      }
    },

    async recordTest(form) {
      const permitId = shownId()
      if (permitId === null) return false
      set({ testSaving: true, testProblem: null, testRefusal: null, testNotice: null })
      try {
        const reading = await api.atmosphere.recordTest({ permitId, ...form })
        if (shownId() !== permitId) return false
        set({
          testSaving: false,
          testNotice: reading.pass
            ? { severity: 'success', message: 'Test recorded: every gas is inside the permit’s acceptable conditions.' }
            : {
                severity: 'error',
                message:
                  'Test recorded: the atmosphere is NOT acceptable. No one may enter; anyone inside must come out.',
              },
        })
        void reload()
        return true
      } catch (error) {
        if (shownId() !== permitId) return false
        const problem = toProblem(error)
        // The instrument's checks come back as data (registered, ready); anything else is an ordinary failure.
        if (problem.code === 'PRECONDITION_FAILED' && problem.unmet.length > 0)
          set({ testSaving: false, testRefusal: problem.unmet })
        else set({ testSaving: false, testProblem: problem })
        return false
      }
    },

    async setAttendantStatus(assignmentId, status) {
      const permitId = shownId()
      if (permitId === null) return
      set({ attendantProblem: null })
      try {
        await api.attendants.setStatus({ assignmentId, status })
        if (shownId() === permitId) void reload()
      } catch (error) {
        if (shownId() === permitId) set({ attendantProblem: toProblem(error).message })
      }
    },
  }
}
