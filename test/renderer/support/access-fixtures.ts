import type { GrantDto, QueueItemDto, RequestDto, ResourceDto, ReviewDto } from '../../../src/shared/contract/access'
import type { NotificationDto } from '../../../src/shared/contract/notifications'
import { now } from './permit-fixtures'

const hour = 3_600_000

export const rex = { id: 21, name: 'Rex Adler' }
export const ita = { id: 31, name: 'Ita Brandt' }

export function aResource(overrides: Partial<ResourceDto> = {}): ResourceDto {
  return {
    id: 5,
    key: 'app:ledger',
    name: 'General ledger',
    kind: 'application',
    description: 'Finance’s book of accounts.',
    levels: ['read', 'write', 'admin'],
    riskTier: 'standard',
    approvalsNeeded: 1,
    maxDurationHours: 72,
    justificationTemplate: 'Ticket: \nWhy: ',
    reviewEveryDays: 90,
    owners: [ita],
    approvers: [ita],
    approverRole: null,
    spaceId: null,
    siteId: null,
    retiredAt: null,
    ...overrides,
  }
}

export function aRequest(overrides: Partial<RequestDto> = {}): RequestDto {
  return {
    id: 12,
    requester: rex,
    filedBy: null,
    resource: { id: 5, key: 'app:ledger', name: 'General ledger', riskTier: 'standard' },
    level: 'read',
    status: 'pending',
    statusReason: null,
    justification: 'Month-end close',
    startsAt: now - hour,
    durationHours: 8,
    permit: null,
    createdAt: now - hour,
    updatedAt: now - hour,
    expiresAt: now + 6 * 24 * hour,
    decidedAt: null,
    approvals: [],
    approvalsNeeded: 1,
    grantId: null,
    ...overrides,
  }
}

export function aGrant(overrides: Partial<GrantDto> = {}): GrantDto {
  return {
    id: 40,
    holder: rex,
    resource: { id: 5, key: 'app:ledger', name: 'General ledger' },
    level: 'read',
    validFrom: now - 2 * hour,
    validTo: now + 6 * hour,
    requestId: 9,
    permitId: null,
    active: true,
    endedAt: null,
    endReason: null,
    endNote: null,
    endedBy: null,
    justification: 'Month-end close',
    lastUsedAt: null,
    ...overrides,
  }
}

export function aQueueItem(overrides: Partial<QueueItemDto> = {}): QueueItemDto {
  return { ...aRequest(), ageMs: hour, blocksPermit: false, requesterGrants: [], ...overrides }
}

export function aReview(overrides: Partial<ReviewDto> = {}): ReviewDto {
  return {
    id: 3,
    resource: { id: 5, key: 'app:ledger', name: 'General ledger' },
    startedBy: ita,
    startedAt: now - hour,
    closedAt: null,
    decisions: [],
    undecided: [aGrant()],
    ...overrides,
  }
}

export function aNotification(overrides: Partial<NotificationDto> = {}): NotificationDto {
  return {
    id: 70,
    kind: 'request_decided',
    title: 'app:ledger (read) approved by Ita Brandt',
    body: 'Granted until 2025-06-02 18:00 UTC.',
    entityType: 'access_request',
    entityId: 12,
    createdAt: now - 60_000,
    readAt: null,
    ...overrides,
  }
}

/** One page of a paged access list, everything on it. */
export const pageOf = <T>(items: T[]) => ({ items, total: items.length, totalCapped: false, hasMore: false })
