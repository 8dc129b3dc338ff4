import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { ReviewDto } from '../../src/shared/contract/access'
import { aGrant, aResource, aReview, ita } from './support/access-fixtures'
import { aUser } from './support/fixtures'
import { FakeTransport, ok } from './support/fake-transport'
import { now } from './support/permit-fixtures'
import { descriptionOf, renderApp, scriptSignedIn } from './support/render-app'

const rex = aGrant({ id: 40, lastUsedAt: now - 3 * 24 * 3_600_000 })
const rae = aGrant({ id: 41, holder: { id: 22, name: 'Rae Lind' }, justification: 'Audit support' })
const ola = aGrant({ id: 42, holder: { id: 23, name: 'Ola Berg' }, level: 'write' })

function owner(review: ReviewDto): FakeTransport {
  window.location.hash = `#/access/reviews/${String(review.id)}`
  let current = review
  return scriptSignedIn(new FakeTransport(), aUser(['it_approver'], { id: ita.id, displayName: ita.name }))
    .on('access.resources', ok([aResource()]))
    .on('access.reviews', () => ok([current]))
    .on('access.reviewDecide', (input) => {
      const decided = current.undecided.filter((grant) => input.grantIds.includes(grant.id))
      current = {
        ...current,
        undecided: current.undecided.filter((grant) => !input.grantIds.includes(grant.id)),
        decisions: [
          ...current.decisions,
          ...decided.map((grant) => ({
            grantId: grant.id,
            holder: grant.holder.name,
            action: input.action,
            validTo: input.validTo ?? null,
            note: input.note ?? '',
            decidedBy: ita.name,
            at: now,
          })),
        ],
      }
      return ok(current)
    })
    .on('access.closeReview', () => ok({ ...current, closedAt: now }))
}

describe('an access review', () => {
  it('keeps and revokes in bulk (a revocation only with a reason), and closes once every grant is decided', async () => {
    const transport = owner(aReview({ undecided: [rex, rae, ola] }))
    renderApp(transport)

    const grants = within(await screen.findByRole('table', { name: 'Grants to decide' }))
    expect(grants.getByText('Audit support')).toBeTruthy()
    const close = screen.getByRole('button', { name: 'Close review' })
    expect(close).toHaveProperty('disabled', true)

    fireEvent.click(grants.getByRole('checkbox', { name: 'Select Rex Adler’s grant #40' }))
    fireEvent.click(grants.getByRole('checkbox', { name: 'Select Rae Lind’s grant #41' }))
    fireEvent.click(screen.getByRole('button', { name: 'Keep selected' }))
    await waitFor(() =>
      expect(transport.callsTo('access.reviewDecide')).toEqual([{ reviewId: 3, grantIds: [40, 41], action: 'keep' }]),
    )
    const decided = within(await screen.findByRole('table', { name: 'Decided in this review' }))
    await waitFor(() => expect(decided.getAllByText('Kept')).toHaveLength(2))

    fireEvent.click(grants.getByRole('checkbox', { name: 'Select all' }))
    fireEvent.click(screen.getByRole('button', { name: 'Revoke selected' }))
    const revoke = within(await screen.findByRole('dialog', { name: 'Revoke 1 grant' }))
    fireEvent.click(revoke.getByRole('button', { name: 'Revoke' }))
    expect(descriptionOf(revoke.getByLabelText(/^Reason/))).toBe('is required when revoking: say why')
    fireEvent.change(revoke.getByLabelText(/^Reason/), { target: { value: 'Left the project' } })
    fireEvent.click(revoke.getByRole('button', { name: 'Revoke' }))
    await waitFor(() =>
      expect(transport.callsTo('access.reviewDecide').at(-1)).toEqual({
        reviewId: 3,
        grantIds: [42],
        action: 'revoke',
        note: 'Left the project',
      }),
    )

    await waitFor(() => expect(screen.getByRole('button', { name: 'Close review' })).toHaveProperty('disabled', false))
    fireEvent.click(screen.getByRole('button', { name: 'Close review' }))
    await waitFor(() => expect(transport.callsTo('access.closeReview')).toEqual([{ reviewId: 3 }]))
    expect(await screen.findByText('Review #3 of app:ledger closed.')).toBeTruthy()
  })
})
