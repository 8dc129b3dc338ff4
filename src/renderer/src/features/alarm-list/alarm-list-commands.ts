import type { StoreApi } from 'zustand/vanilla'
import type { Api } from '../../../../shared/client/api'
import type { ProcedureInput } from '../../../../shared/contract/procedures'
import { localProblem, toProblem } from '../../errors/problem'
import type { AlarmListState } from './alarm-list-store'

type AlarmCommands = Pick<
  AlarmListState,
  'acknowledge' | 'acknowledgeInstrument' | 'openResolve' | 'closeResolve' | 'resolve'
>

interface AlarmListContext {
  api: Api
  set: StoreApi<AlarmListState>['setState']
  get(): AlarmListState
  /** Reads the list again now (the alarm events also do, a moment later). */
  reload(): Promise<void>
}

/** What a person does to the alarms of the list: acknowledge them, and resolve them once cleared. */
export function alarmCommands({ api, set, get, reload }: AlarmListContext): AlarmCommands {
  /** `whose`: " of BW-4471" when one instrument's alarms were acknowledged, else nothing. */
  const acknowledgeWith = async (input: ProcedureInput<'alarms.acknowledge'>, whose: string): Promise<void> => {
    set({ acknowledging: true, notice: null })
    try {
      const { acknowledged } = await api.alarms.acknowledge(input)
      const count = `${String(acknowledged)} ${acknowledged === 1 ? 'alarm' : 'alarms'}`
      set({ acknowledging: false, notice: { severity: 'success', message: `${count}${whose} acknowledged.` } })
      void reload()
    } catch (error) {
      set({ acknowledging: false, notice: { severity: 'error', message: toProblem(error).message } })
    }
  }

  return {
    acknowledge: (alarmIds) => acknowledgeWith({ alarmIds: [...alarmIds] }, ''),
    acknowledgeInstrument: (instrumentId, serial) => acknowledgeWith({ instrumentId }, ` of ${serial}`),

    openResolve: (alarm) => set({ resolving: alarm, dialogProblem: null }),
    closeResolve: () => set({ resolving: null, dialogProblem: null }),

    async resolve({ resolution, note, helpSent }) {
      const alarm = get().resolving
      if (!alarm) return
      // Both at once: a person fixing one should not then be told of the other.
      const missing = [
        ...(resolution === null
          ? [{ path: 'resolution', message: 'is required: say what the alarm turned out to be' }]
          : []),
        ...(helpSent === null ? [{ path: 'helpSent', message: 'is required: say whether help was sent' }] : []),
      ]
      if (missing.length > 0 || resolution === null || helpSent === null) {
        set({ dialogProblem: localProblem(missing) })
        return
      }
      set({ saving: true, dialogProblem: null })
      try {
        await api.alarms.resolve({ alarmId: alarm.id, resolution, note, helpSent })
        set({ saving: false, resolving: null })
        void reload()
      } catch (error) {
        set({ saving: false, dialogProblem: toProblem(error) })
      }
    },
  }
}
