import { fireEvent, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { procedurePaths } from '../../src/shared/contract/procedures'
import { allows, procedurePolicy } from '../../src/shared/contract/policy'
import { roles } from '../../src/shared/contract/roles'
import { callableProcedures } from '../../src/shared/contract/reference'
import { aUser } from './support/fixtures'
import { FakeTransport, fail, ok } from './support/fake-transport'
import { renderApp, scriptSignedIn } from './support/render-app'

function administrator(hash = '#/api', extraRoles: ('supervisor' | 'auditor')[] = []) {
  window.location.hash = hash
  const user = aUser(['administrator', ...extraRoles])
  return { user, transport: scriptSignedIn(new FakeTransport(), user) }
}

const procedureList = () => screen.findByRole('list', { name: 'Procedures you may call' })
const offered = async () =>
  within(await procedureList())
    .getAllByRole('button')
    .map((button) => button.querySelector('.MuiListItemText-primary')?.textContent ?? '')

describe('the API playground', () => {
  it('offers exactly the procedures the policy lets each combination of roles call', () => {
    for (const role of roles) {
      const expected = procedurePaths.filter((path) => allows(procedurePolicy[path], [role]))
      expect(callableProcedures([role])).toEqual(expected)
    }
    expect(callableProcedures(['administrator'])).not.toContain('access.queue')
    expect(callableProcedures(['administrator', 'supervisor'])).toContain('access.queue')
  })

  it('lists what an administrator may call, and nothing else', async () => {
    const { transport } = administrator()
    renderApp(transport)
    const shown = await offered()
    expect(shown.sort()).toEqual(callableProcedures(['administrator']).sort())
    expect(shown).not.toContain('access.queue')
  })

  it('lists more for an administrator who also supervises', async () => {
    const { transport } = administrator('#/api', ['supervisor'])
    renderApp(transport)
    const shown = await offered()
    expect(shown.sort()).toEqual(callableProcedures(['administrator', 'supervisor']).sort())
    expect(shown).toContain('access.queue')
  })

  it('runs a query through the transport as the signed-in person and shows the envelope', async () => {
    const { user, transport } = administrator()
    renderApp(transport)
    fireEvent.click(within(await procedureList()).getByText('auth.me'))
    expect(await screen.findByRole('heading', { name: 'auth.me' })).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: 'Run' }))
    const answer = await screen.findByRole('region', { name: 'Answer' })
    expect(transport.callsTo('auth.me').length).toBeGreaterThan(1) // the session's own, then the playground's
    expect(within(answer).getByText('Done.')).toBeTruthy()
    expect(within(answer).getByLabelText('Envelope').textContent).toContain(`"username": "${user.username}"`)
  })

  it('asks before running a command, sends the edited input, and shows a refusal as the gate gave it', async () => {
    const { transport } = administrator()
    transport.on('notifications.markRead', fail('VALIDATION', 'ids: must name at least one notification'))
    renderApp(transport)
    fireEvent.click(within(await procedureList()).getByText('notifications.markRead'))
    const input = await screen.findByLabelText('Input (JSON)')
    fireEvent.change(input, { target: { value: '{"ids": []}' } })
    fireEvent.click(screen.getByRole('button', { name: 'Run…' }))
    const dialog = await screen.findByRole('dialog', { name: 'Run notifications.markRead?' })
    expect(transport.callsTo('notifications.markRead')).toEqual([])
    fireEvent.click(within(dialog).getByRole('button', { name: 'Run the command' }))
    const answer = await screen.findByRole('region', { name: 'Answer' })
    expect(transport.callsTo('notifications.markRead')).toEqual([{ ids: [] }])
    expect(within(answer).getByText('VALIDATION: ids: must name at least one notification')).toBeTruthy()
  })

  it('says when the input is not JSON, and sends nothing', async () => {
    const { transport } = administrator()
    renderApp(transport)
    fireEvent.click(within(await procedureList()).getByText('auth.me'))
    fireEvent.change(await screen.findByLabelText('Input (JSON)'), { target: { value: '{oops' } })
    const before = transport.callsTo('auth.me').length
    fireEvent.click(screen.getByRole('button', { name: 'Run' }))
    expect(await screen.findByText(/The input is not valid JSON/)).toBeTruthy()
    expect(transport.callsTo('auth.me').length).toBe(before)
  })

  it('opens a procedure named in the address, and says so when the roles may not call it', async () => {
    const { transport } = administrator('#/api/access.queue')
    transport.on('access.queue', ok({ items: [], total: 0, totalCapped: false, hasMore: false }))
    renderApp(transport)
    expect(await screen.findByRole('heading', { name: 'access.queue' })).toBeTruthy()
    expect(screen.getByText(/Not available to your roles/)).toBeTruthy()
    expect((screen.getByRole('button', { name: 'Run' }) as HTMLButtonElement).disabled).toBe(true)
  })

  it('shows the same call as a curl line in browser mode', async () => {
    const { transport } = administrator('#/api/auth.me')
    renderApp(transport, {}, { browser: true })
    const curl = await screen.findByRole('region', { name: 'The same call over HTTP' })
    expect(curl.textContent).toContain(
      `curl -s ${window.location.origin}/api/rpc/auth.me -H 'Content-Type: application/json' -H "Authorization: Bearer $GATEHOUSE_TOKEN" -d '{}'`,
    )
  })
})
