import type { NotificationDto } from '../../../../shared/contract/notifications'
import { hrefFor } from '../../app/navigation/routes'
import { accessTabHref, grantHref, requestHref, reviewHref } from '../access/access-route'

/** The record a notification is about, as a link: the request, the grant (on its holder's page), the review, the reviews to start, the database checks. */
export function notificationHref(notification: Pick<NotificationDto, 'entityType' | 'entityId'>): string {
  switch (notification.entityType) {
    case 'access_request':
      return requestHref(notification.entityId)
    case 'access_grant':
      return grantHref(notification.entityId)
    case 'access_review':
      return reviewHref(notification.entityId)
    case 'access_resource':
      // A review is due: the reviews tab, where the owner starts it.
      return accessTabHref('reviews')
    case 'integrity_check':
      // The Admin page's System section shows the checks and offers to run one again.
      return hrefFor('admin')
  }
}
