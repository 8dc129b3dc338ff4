import type { AlarmDto } from '../../../../shared/contract/alarms'
import type { EventPayload } from '../../../../shared/contract/events'
import { priorityLabels } from './alarm-order'

/** The parts of the browser's Notification API used, so a test can stand in for it. */
export interface NotificationApi {
  readonly permission: NotificationPermission
  requestPermission(): Promise<NotificationPermission>
  /** `onClick`: where a click on the notification takes the person, besides back to this window. */
  show(title: string, options: { body: string; tag: string }, onClick?: () => void): void
}

/** The window's own notifications (Electron's renderer has the same API), or null where there are none. */
export function browserNotifications(): NotificationApi | null {
  if (typeof Notification === 'undefined') return null
  return {
    get permission() {
      return Notification.permission
    },
    requestPermission: () => Notification.requestPermission(),
    show(title, options, onClick) {
      const notification = new Notification(title, options)
      notification.onclick = () => {
        window.focus()
        onClick?.()
      }
    },
  }
}

/**
 * The desktop's notifications with one permission prompt per window, however many features ask
 * (the alarms and the inbox both do): the second asker shares the first one's answer.
 */
export function askingOnce(api: NotificationApi | null): NotificationApi | null {
  if (!api) return null
  let asked: Promise<NotificationPermission> | null = null
  return {
    get permission() {
      return api.permission
    },
    requestPermission: () => (asked ??= api.requestPermission()),
    show: (title, options, onClick) => api.show(title, options, onClick),
  }
}

export interface AlarmNotifier {
  /** Asks once per window whether desktop notifications may be shown. */
  askPermission(): void
  /** An alarm the summary lists: its space, permit and message. */
  raised(alarm: AlarmDto): void
  /** An alarm the summary does not list (it holds only the newest): what the event told. */
  raisedUnlisted(event: EventPayload<'alarms.raised'>): void
}

/**
 * Desktop notifications for raised alarms, so an alarm reaches someone looking at another
 * window. Refused or unavailable, nothing is shown and nothing complains: the banner and the
 * tone still carry the alarm.
 */
export function createAlarmNotifier(api: NotificationApi | null): AlarmNotifier {
  let asked = false
  const show = (title: string, body: string, tag: string): void => {
    if (api?.permission !== 'granted') return
    try {
      api.show(title, { body, tag })
    } catch {
      // Some platforms refuse notifications from a page; the banner still shows the alarm.
    }
  }
  return {
    askPermission() {
      if (asked || !api || api.permission !== 'default') return
      asked = true
      api.requestPermission().catch(() => undefined)
    },
    raised(alarm) {
      show(
        `${priorityLabels[alarm.priority]} priority alarm: ${alarm.spaceTag}`,
        `Permit ${alarm.permitNumber}: ${alarm.message}`,
        `alarm-${String(alarm.id)}`,
      )
    },
    raisedUnlisted(event) {
      show(
        `${priorityLabels[event.priority]} priority alarm`,
        'A new alarm was raised. Open Gatehouse to see it.',
        `alarm-${String(event.alarmId)}`,
      )
    },
  }
}
