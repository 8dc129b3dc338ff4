import { fireEvent, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { FakeTransport, fail, ok } from './support/fake-transport'
import { descriptionOf, renderApp } from './support/render-app'

function firstRun(): FakeTransport {
  return new FakeTransport().on('auth.status', ok({ needsFirstAdmin: true, signUpOpen: false }))
}

function fillIn(values: Record<string, string>): void {
  for (const [label, value] of Object.entries(values))
    fireEvent.change(screen.getByLabelText(label), { target: { value } })
}

describe('first-run screen', () => {
  it('shows a server validation issue under the field it names', async () => {
    const transport = firstRun().on(
      'auth.setupFirstAdmin',
      fail('VALIDATION', 'Some fields need attention.', [
        { field: 'password', rule: 'too_small', message: 'must be at least 12 characters' },
      ]),
    )
    renderApp(transport)

    await screen.findByRole('heading', { name: 'Create the first administrator' })
    fillIn({ Username: 'dana', 'Display name': 'Dana Okafor', Password: 'short', 'Confirm password': 'short' })
    fireEvent.click(screen.getByRole('button', { name: 'Create administrator' }))

    await screen.findByText('must be at least 12 characters')
    expect(descriptionOf(screen.getByLabelText('Password'))).toBe('must be at least 12 characters')
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true')
    expect(screen.queryByRole('alert')).toBeNull()
  })

  it('catches mismatched passwords before asking the server', async () => {
    const transport = firstRun()
    renderApp(transport)

    await screen.findByRole('heading', { name: 'Create the first administrator' })
    fillIn({
      Username: 'dana',
      'Display name': 'Dana Okafor',
      Password: 'correct horse battery',
      'Confirm password': 'correct horse batery',
    })
    fireEvent.click(screen.getByRole('button', { name: 'Create administrator' }))

    expect(descriptionOf(screen.getByLabelText('Confirm password'))).toMatch(/passwords do not match/)
    expect(transport.callsTo('auth.setupFirstAdmin')).toHaveLength(0)
  })
})
