import type { WebContents } from 'electron'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { registerIpcTransport } from '../../src/main/electron/ipc-transport'
import { rendererOrigin } from '../../src/main/electron/renderer-origin'
import type { Transport } from '../../src/shared/client/transport'
import { bridgeName, ipcChannels } from '../../src/shared/ipc-channels'
import { FakeWebContents, fakeContextBridge, fakeIpcMain, fakeIpcRenderer, resetFakeElectron } from './fake-electron'
import { auditAppended, createStandInBackend } from './stand-in-backend'

vi.mock('electron', () => import('./fake-electron').then((fake) => fake.fakeElectron))

/** Runs the preload afresh, as a new page would, and returns what it exposed to the page. */
async function loadPreload(): Promise<Transport> {
  vi.resetModules()
  await import('../../src/preload/index')
  return fakeContextBridge.exposed.get(bridgeName) as Transport
}

function pushBatch(batch: unknown): void {
  fakeIpcRenderer.receive(ipcChannels.events, [batch])
}

beforeEach(resetFakeElectron)

describe('the preload bridge', () => {
  it('exposes exactly call and subscribe, under window.gatehouse and nowhere else', async () => {
    const bridge = await loadPreload()

    expect([...fakeContextBridge.exposed.keys()]).toEqual(['gatehouse'])
    expect(Object.keys(bridge).sort()).toEqual(['call', 'subscribe'])
    expect(typeof bridge.call).toBe('function')
    expect(typeof bridge.subscribe).toBe('function')
  })

  it('listens on the events channel with a single listener, however many subscribers there are', async () => {
    const bridge = await loadPreload()
    bridge.subscribe('audit.appended', () => {})
    bridge.subscribe('users.changed', () => {})

    expect([...fakeIpcRenderer.listeners.keys()]).toEqual([ipcChannels.events])
    expect(fakeIpcRenderer.listeners.get(ipcChannels.events)).toHaveLength(1)
  })

  it('sends a call on the call channel with its path and input', async () => {
    const bridge = await loadPreload()
    fakeIpcMain.handle(ipcChannels.call, () => ({ ok: true, value: 'pong' }))
    fakeIpcRenderer.caller = new FakeWebContents()

    expect(await bridge.call('system.ping', { n: 1 })).toEqual({ ok: true, value: 'pong' })
    expect(fakeIpcRenderer.invoked).toEqual([{ channel: ipcChannels.call, args: ['system.ping', { n: 1 }] }])
  })

  it('fans a batch out to the subscribers of each event, handing them the payload only', async () => {
    const bridge = await loadPreload()
    const audit = vi.fn()
    const users = vi.fn()
    bridge.subscribe('audit.appended', audit)
    bridge.subscribe('users.changed', users)
    const changed = { name: 'users.changed', payload: { userId: 7, change: 'roles', at: 5 } }

    pushBatch([auditAppended(1), changed, auditAppended(2)])

    expect(audit.mock.calls).toEqual([[auditAppended(1).payload], [auditAppended(2).payload]])
    expect(users.mock.calls).toEqual([[changed.payload]])
  })

  it('stops delivering to a subscriber once it unsubscribes, and keeps delivering to the others', async () => {
    const bridge = await loadPreload()
    const leaving = vi.fn()
    const staying = vi.fn()
    const unsubscribe = bridge.subscribe('audit.appended', leaving)
    bridge.subscribe('audit.appended', staying)

    unsubscribe()
    pushBatch([auditAppended(1)])

    expect(leaving).not.toHaveBeenCalled()
    expect(staying).toHaveBeenCalledOnce()
  })

  it('keeps delivering to the other subscribers when one of them throws', async () => {
    const bridge = await loadPreload()
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const after = vi.fn()
    bridge.subscribe('audit.appended', () => {
      throw new Error('a broken store')
    })
    bridge.subscribe('audit.appended', after)

    pushBatch([auditAppended(1)])

    expect(after).toHaveBeenCalledOnce()
    vi.restoreAllMocks()
  })

  it('ignores pushes that are not batches of named events', async () => {
    const bridge = await loadPreload()
    const audit = vi.fn()
    bridge.subscribe('audit.appended', audit)

    pushBatch('audit.appended')
    pushBatch([null, 42, { payload: {} }])

    expect(audit).not.toHaveBeenCalled()
  })
})

describe('the preload and the IPC transport together', () => {
  it('use the same two channels: a call through the bridge reaches dispatch and its events come back', async () => {
    vi.useFakeTimers()
    const standIn = createStandInBackend()
    const transport = registerIpcTransport(standIn.backend, rendererOrigin(undefined))
    const contents = new FakeWebContents('app://gatehouse/index.html')
    transport.attach(contents as unknown as WebContents)
    fakeIpcRenderer.caller = contents
    const bridge = await loadPreload()
    const audit = vi.fn()
    bridge.subscribe('audit.appended', audit)

    expect(await bridge.call('identity.login', { username: 'ava' })).toEqual({ ok: true, value: { userId: 1 } })
    standIn.streams[0]?.deliver(auditAppended(1))
    vi.advanceTimersByTime(100)

    expect(standIn.calls).toEqual([
      {
        path: 'identity.login',
        input: { username: 'ava' },
        caller: { token: null, host: expect.objectContaining({ exportPdf: expect.any(Function) }) },
      },
    ])
    expect(audit).toHaveBeenCalledExactlyOnceWith(auditAppended(1).payload)
    expect(new Set(Object.values(ipcChannels)).size).toBe(2)
    transport.dispose()
    vi.useRealTimers()
  })
})
