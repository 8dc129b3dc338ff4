import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { NotificationDto } from '../../src/shared/contract/notifications'
import { aNotification, aRequest, pageOf } from './support/access-fixtures'
import { aUser } from './support/fixtures'
import { FakeNotifications } from './support/fake-alarm-outputs'
import { FakeTransport, ok } from './support/fake-transport'
import { now } from './support/permit-fixtures'
import { renderApp, scriptSignedIn } from './support/render-app'

const decided = aNotification()
const expiring = aNotification({
  id: 69,
  kind: 'grant_expiring',
  title: 'Your access to app:ledger (read) ends in 23 hours',
  body: 'Ask to extend it if you still need it.',
  entityType: 'access_grant',
  entityId: 40,
  readAt: now - 30_000,
})

function requesterWithInbox(items: NotificationDto[]): FakeTransport {
  window.location.hash = '#/access/mine'
  const unread = () => items.filter((item) => item.readAt === null).length
  return scriptSignedIn(new FakeTransport(), aUser(['requester'], { id: 21, displayName: 'Rex Adler' }))
    .on('notifications.list', () => ok({ items, unread: unread(), hasMore: false }))
    .on('notifications.markRead', (input) => {
      for (const [i, item] of items.entries())
        if (input.all || input.ids?.includes(item.id)) items[i] = { ...item, readAt: now }
      return ok({ unread: unread() })
    })
    .on('access.resources', ok([]))
    .on('access.requests', ok(pageOf([])))
    .on('access.grants', ok(pageOf([])))
    .on('access.request', ok(aRequest({ status: 'approved' })))
}

describe('the inbox', () => {
  it('counts the unread in the frame, lists every notification and opens its record, marking it read', async () => {
    const transport = requesterWithInbox([decided, expiring])
    renderApp(transport)

    const bell = await screen.findByRole('button', { name: 'Notifications: 1 unread' })
    fireEvent.click(bell)
    const inbox = within(await screen.findByRole('dialog', { name: 'Notifications' }))
    const links = inbox.getAllByRole('link')
    expect(links.map((link) => link.getAttribute('href'))).toEqual(['#/access/requests/12', '#/access/mine/grants/40'])
    expect(links[0]?.textContent).toMatch(/^Unread: app:ledger \(read\) approved by Ita Brandt/)
    expect(links[1]?.textContent).not.toMatch(/Unread/)

    fireEvent.click(inbox.getByRole('link', { name: /approved by Ita Brandt/ }))
    await waitFor(() => expect(transport.callsTo('notifications.markRead')).toEqual([{ ids: [70], all: false }]))
    expect(await screen.findByRole('button', { name: 'Notifications' })).toBeTruthy()
  })

  it('takes a new notification live, raising the count and showing it on the desktop', async () => {
    const items = [expiring]
    const desktop = new FakeNotifications()
    const transport = requesterWithInbox(items)
    renderApp(transport, { notifications: desktop })
    await screen.findByRole('button', { name: 'Notifications' })

    items.unshift(decided)
    transport.emit('notifications.created', { notificationId: 70, userId: 21, kind: 'request_decided', at: now })

    expect(await screen.findByRole('button', { name: 'Notifications: 1 unread' })).toBeTruthy()
    await waitFor(() =>
      expect(desktop.shown).toEqual([
        { title: 'app:ledger (read) approved by Ita Brandt', body: 'Granted until 2025-06-02 18:00 UTC.' },
      ]),
    )

    fireEvent.click(screen.getByRole('button', { name: 'Notifications: 1 unread' }))
    const inbox = await screen.findByRole('dialog', { name: 'Notifications' })
    fireEvent.click(within(inbox).getByRole('button', { name: 'Mark all read' }))
    await waitFor(() => expect(transport.callsTo('notifications.markRead')).toEqual([{ all: true }]))
    fireEvent.keyDown(inbox, { key: 'Escape' })
    expect(await screen.findByRole('button', { name: 'Notifications' })).toBeTruthy()
  })
})
