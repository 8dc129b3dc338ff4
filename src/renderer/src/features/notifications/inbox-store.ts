import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { NotificationDto } from '../../../../shared/contract/notifications'
import { navigate } from '../../app/navigation/hash-route'
import type { Connection } from '../../connection/connection'
import { toProblem } from '../../errors/problem'
import { coalescedRefresh, pollEvery } from '../../live/coalesced-refresh'
import type { NotificationApi } from '../alarms/alarm-notifier'
import { notificationHref } from './notification-links'

export interface InboxState {
  items: NotificationDto[]
  unread: number
  hasMore: boolean
  loaded: boolean
  problem: string | null
  /** Loads the inbox, follows new notifications and shows each on the desktop; the returned function stops that. */
  open(): () => void
  loadOlder(): Promise<void>
  markRead(ids: readonly number[]): Promise<void>
  markAllRead(): Promise<void>
}

export type InboxStore = StoreApi<InboxState>

const pageSize = 20
/** The inbox also reads on this period: a notification whose event was lost still arrives. */
const inboxPollMs = 30_000

const closed = { items: [], unread: 0, hasMore: false, loaded: false, problem: null } satisfies Partial<InboxState>

/**
 * The signed-in person's inbox: decisions on their requests, requests to decide, grants about to
 * end, reviews due. A new one also shows as a desktop notification that opens its record.
 */
export function createInboxStore({ api, transport }: Connection, desktop: NotificationApi | null): InboxStore {
  let generation = 0
  /** Notifications announced by an event, to show on the desktop once a read brings their words. */
  const awaitingDesktop = new Set<number>()
  let askedPermission = false

  const showOnDesktop = (notification: NotificationDto): void => {
    if (desktop?.permission !== 'granted') return
    try {
      desktop.show(
        notification.title,
        { body: notification.body, tag: `notification-${String(notification.id)}` },
        () => navigate(notificationHref(notification)),
      )
    } catch {
      // Some platforms refuse notifications from a page; the inbox still holds it.
    }
  }

  return createStore<InboxState>()((set, get) => {
    const load = async (): Promise<void> => {
      const asked = generation
      try {
        const inbox = await api.notifications.list({ limit: Math.max(pageSize, Math.min(200, get().items.length)) })
        if (asked !== generation) return
        set({ items: inbox.items, unread: inbox.unread, hasMore: inbox.hasMore, loaded: true, problem: null })
        for (const notification of inbox.items) {
          if (!awaitingDesktop.delete(notification.id)) continue
          if (notification.readAt === null) showOnDesktop(notification)
        }
      } catch (error) {
        if (asked === generation) set({ problem: toProblem(error).message })
      }
    }

    const markWith = async (input: { ids?: number[]; all: boolean }): Promise<void> => {
      try {
        const { unread } = await api.notifications.markRead(input)
        const at = Date.now()
        set((state) => ({
          unread,
          items: state.items.map((item) =>
            item.readAt === null && (input.all || input.ids?.includes(item.id)) ? { ...item, readAt: at } : item,
          ),
        }))
      } catch (error) {
        set({ problem: toProblem(error).message })
      }
    }

    return {
      ...closed,

      open() {
        const opened = ++generation
        set(closed)
        const current = coalescedRefresh(load)
        if (!askedPermission && desktop?.permission === 'default') {
          askedPermission = true
          desktop.requestPermission().catch(() => undefined)
        }
        const unsubscribe = transport.subscribe('notifications.created', (event) => {
          awaitingDesktop.add(event.notificationId)
          current.soon()
        })
        const stopPolling = pollEvery(current, inboxPollMs)
        void current.now()
        return () => {
          unsubscribe()
          stopPolling()
          current.stop()
          if (opened !== generation) return
          generation++
          awaitingDesktop.clear()
          set(closed)
        }
      },

      async loadOlder() {
        const { items, hasMore } = get()
        const oldest = items.at(-1)
        if (!hasMore || !oldest) return
        const asked = generation
        try {
          const page = await api.notifications.list({ beforeId: oldest.id, limit: pageSize })
          if (asked === generation)
            set((state) => ({ items: [...state.items, ...page.items], hasMore: page.hasMore, unread: page.unread }))
        } catch (error) {
          if (asked === generation) set({ problem: toProblem(error).message })
        }
      },

      markRead: (ids) => (ids.length === 0 ? Promise.resolve() : markWith({ ids: [...ids], all: false })),
      markAllRead: () => markWith({ all: true }),
    }
  })
}
