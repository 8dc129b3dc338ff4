import type { Clock } from '../../../src/main/core/clock'
import type { DeviceLimits } from '../../../src/main/devices/device-service'
import type { TestBackend } from '../../support/test-backend'
import { longSessions, makeTestBackend } from '../../support/test-backend'

/** The tests' backend, with sessions that outlast a bench moving its clock by hours of readings. */
export const makeBenchBackend = (options: { clock?: Clock; deviceLimits?: DeviceLimits } = {}): TestBackend =>
  makeTestBackend({ sessionPolicy: longSessions, ...options })
