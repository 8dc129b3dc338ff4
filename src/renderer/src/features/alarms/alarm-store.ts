import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { AlarmDto } from '../../../../shared/contract/alarms'
import type { EventPayload } from '../../../../shared/contract/events'
import type { ProcedureOutput } from '../../../../shared/contract/procedures'
import type { Connection } from '../../connection/connection'
import { toProblem } from '../../errors/problem'
import type { ClockStore } from '../../live/clock-store'
import { coalescedRefresh, pollEvery } from '../../live/coalesced-refresh'
import { tonePriority, worstFirst } from './alarm-order'
import { browserNotifications, createAlarmNotifier } from './alarm-notifier'
import type { NotificationApi } from './alarm-notifier'
import { browserAudioContext, createAlarmTone } from './alarm-tone'
import type { ToneContextFactory } from './alarm-tone'

export type AlarmSummary = ProcedureOutput<'alarms.summary'>

/** Where an alarm reaches people besides the screen; tests stand in for both. */
export interface AlarmOutputs {
  audioContext: ToneContextFactory
  notifications: NotificationApi | null
}

export const browserAlarmOutputs = (): AlarmOutputs => ({
  audioContext: browserAudioContext,
  notifications: browserNotifications(),
})

/**
 * The banner reads the summary this often even without events: an event lost while the
 * connection was down must not leave a console silent about an alarm for long.
 */
export const alarmPollMs = 5_000

export interface AlarmsState {
  summary: AlarmSummary | null
  /** The summary's open alarms, worst first. */
  ordered: AlarmDto[]
  problem: string | null
  acknowledging: boolean
  acknowledgeProblem: string | null
  /** The browser holds the tone back until someone clicks or types in this window. */
  soundBlocked: boolean
  /** Loads the summary, sounds and notifies, and follows every alarm event; the returned function stops that. */
  open(): () => void
  /** Acknowledges alarms: someone has seen them. Resolves true when the server recorded it. */
  acknowledge(alarmIds: readonly number[]): Promise<boolean>
  clearAcknowledgeProblem(): void
}

export type AlarmsStore = StoreApi<AlarmsState>

const closed = {
  summary: null,
  ordered: [],
  problem: null,
  acknowledging: false,
  acknowledgeProblem: null,
} satisfies Partial<AlarmsState>

/** What every page of the console shows, sounds and notifies about open alarms. */
export function createAlarmStore(
  { api, transport }: Connection,
  clock: ClockStore,
  outputs: AlarmOutputs = browserAlarmOutputs(),
): AlarmsStore {
  const notifier = createAlarmNotifier(outputs.notifications)
  let refresh = coalescedRefresh(() => Promise.resolve())
  let generation = 0
  let loads = 0
  /** Raised alarms waiting for a summary read after their event, to be notified with their details. */
  const awaitingNotice = new Map<number, { event: EventPayload<'alarms.raised'>; afterLoad: number }>()

  return createStore<AlarmsState>()((set) => {
    const tone = createAlarmTone(outputs.audioContext, (soundBlocked) => set({ soundBlocked }))

    const notify = (summary: AlarmSummary, readNumber: number): void => {
      for (const [alarmId, { event, afterLoad }] of awaitingNotice) {
        // A read that began before the event may not hold the alarm yet; a later one answers.
        if (afterLoad >= readNumber) continue
        awaitingNotice.delete(alarmId)
        const alarm = summary.open.find((candidate) => candidate.id === alarmId)
        if (alarm) notifier.raised(alarm)
        else notifier.raisedUnlisted(event)
      }
    }

    const load = async (): Promise<void> => {
      const asked = generation
      const readNumber = ++loads
      try {
        const summary = await api.alarms.summary({})
        if (asked !== generation) return
        clock.getState().observe(summary.now)
        set({ summary, ordered: worstFirst(summary.open), problem: null })
        tone.sound(tonePriority(summary))
        notify(summary, readNumber)
      } catch (error) {
        if (asked !== generation) return
        // The last summary stays on screen and keeps sounding: a failed read is no all-clear.
        set({ problem: toProblem(error).message })
      }
    }

    return {
      ...closed,
      soundBlocked: false,

      open() {
        const opened = ++generation
        set(closed)
        const current = coalescedRefresh(load)
        refresh = current
        notifier.askPermission()
        const unsubscribes = [
          // An alarm is never held back to gather a burst: it is read at once.
          transport.subscribe('alarms.raised', (event) => {
            awaitingNotice.set(event.alarmId, { event, afterLoad: loads })
            void current.now()
          }),
          transport.subscribe('alarms.changed', () => current.soon()),
        ]
        const stopPolling = pollEvery(current, alarmPollMs)
        void current.now()
        return () => {
          unsubscribes.forEach((unsubscribe) => unsubscribe())
          stopPolling()
          current.stop()
          if (opened !== generation) return
          generation++
          awaitingNotice.clear()
          tone.sound(null)
          set(closed)
        }
      },

      async acknowledge(alarmIds) {
        if (alarmIds.length === 0) return true
        set({ acknowledging: true, acknowledgeProblem: null })
        try {
          await api.alarms.acknowledge({ alarmIds: [...alarmIds] })
          set({ acknowledging: false })
          void refresh.now()
          return true
        } catch (error) {
          set({ acknowledging: false, acknowledgeProblem: toProblem(error).message })
          return false
        }
      },

      clearAcknowledgeProblem: () => set({ acknowledgeProblem: null }),
    }
  })
}
