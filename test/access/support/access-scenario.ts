import type { ProcedureInput } from '../../../src/shared/contract/procedures'
import { confinedSpaceSite } from '../../support/scenario'
import type { TestBackend } from '../../support/test-backend'

/**
 * The confined-space site plus the people of access governance: two IT approvers, two requesters,
 * an auditor, and an IT resource owned and approved by the first approver (and the second, for
 * high-risk cases). Everything goes through dispatch().
 */
export async function accessScenario(t: TestBackend) {
  const site = await confinedSpaceSite(t)
  const admin = site.admin.token
  const ita = await t.userWithRoles(admin, 'ita', ['it_approver'])
  const itb = await t.userWithRoles(admin, 'itb', ['it_approver'])
  const rex = await t.userWithRoles(admin, 'rex', ['requester'])
  const rae = await t.userWithRoles(admin, 'rae', ['requester'])
  const aud = await t.userWithRoles(admin, 'aud', ['auditor'])

  async function itResource(overrides: Partial<ProcedureInput<'access.saveResource'>> = {}) {
    return t.ok(
      'access.saveResource',
      {
        key: 'app:ledger',
        name: 'Ledger',
        kind: 'application',
        levels: ['read', 'write', 'admin'],
        riskTier: 'standard',
        maxDurationHours: 720,
        ownerIds: [ita.user.id],
        approverIds: [ita.user.id, itb.user.id],
        ...overrides,
      },
      admin,
    )
  }

  const ledger = await itResource()
  const spaceResource = (await t.ok('access.resources', { search: 'space:TK-101' }, rex.token))[0]
  if (!spaceResource) throw new Error('every space is a resource')

  function file(token: string, overrides: Partial<ProcedureInput<'access.fileRequest'>> = {}) {
    return t.call(
      'access.fileRequest',
      { resourceId: ledger.id, level: 'read', justification: 'Month-end close', durationHours: 8, ...overrides },
      token,
    )
  }

  return { ...site, ita, itb, rex, rae, aud, ledger, spaceResource, itResource, file }
}

export const codeOf = (result: { ok: boolean; error?: { code: string } }) => (result.ok ? 'ok' : result.error?.code)
