import { fireEvent, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { aGrant, aReview, ita } from './support/access-fixtures'
import { aDirectory, aUser } from './support/fixtures'
import { FakeTransport, ok } from './support/fake-transport'
import { aSite, aSpace } from './support/permit-fixtures'
import { renderApp, scriptSignedIn } from './support/render-app'

/** What a sighted person reads beside each checkbox: the text of the label around it, the box itself aside. */
function visibleLabelsOfCheckboxes(): string[] {
  return screen.getAllByRole('checkbox').map((box) => (box.closest('label')?.textContent ?? '').trim())
}

describe('every checkbox has a label a person can see', () => {
  it('on the permit form, each isolation measure’s Done box', async () => {
    window.location.hash = '#/permits/new'
    renderApp(
      scriptSignedIn(new FakeTransport(), aUser(['supervisor']))
        .on('sites.list', ok([aSite()]))
        .on('spaces.list', ok({ items: [aSpace()], total: 1 }))
        .on('users.directory', ok(aDirectory)),
    )
    fireEvent.click(await screen.findByRole('button', { name: 'Add measure' }))
    fireEvent.click(screen.getByRole('button', { name: 'Add measure' }))

    expect(visibleLabelsOfCheckboxes()).toEqual(['Done', 'Done'])
    expect(screen.getByRole('checkbox', { name: 'Measure 2 done' })).toBeTruthy()
  })

  it('in an access review, the select-all box and each grant’s box', async () => {
    const review = aReview({
      undecided: [aGrant({ id: 40 }), aGrant({ id: 41, holder: { id: 22, name: 'Rae Lind' } })],
    })
    window.location.hash = `#/access/reviews/${String(review.id)}`
    renderApp(
      scriptSignedIn(new FakeTransport(), aUser(['it_approver'], { id: ita.id, displayName: ita.name })).on(
        'access.reviews',
        ok([review]),
      ),
    )
    await screen.findByRole('table', { name: 'Grants to decide' })

    expect(visibleLabelsOfCheckboxes()).toEqual(['Select all', 'Select', 'Select'])
  })
})
