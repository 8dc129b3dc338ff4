import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { IpcMainInvokeEvent, WebContents } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { registerIpcTransport } from '../../src/main/electron/ipc-transport'
import type { IpcTransport } from '../../src/main/electron/ipc-transport'
import { rendererOrigin } from '../../src/main/electron/renderer-origin'
import type { Result } from '../../src/shared/contract/errors'
import { ipcChannels } from '../../src/shared/ipc-channels'
import { FakeFrame, FakeWebContents, fakeDialog, fakeIpcMain, resetFakeElectron } from './fake-electron'
import { auditAppended, createStandInBackend } from './stand-in-backend'

vi.mock('electron', () => import('./fake-electron').then((fake) => fake.fakeElectron))

let standIn: ReturnType<typeof createStandInBackend>
let transport: IpcTransport

beforeEach(() => {
  resetFakeElectron()
  standIn = createStandInBackend()
  transport = registerIpcTransport(standIn.backend, rendererOrigin(undefined))
})

afterEach(() => {
  transport.dispose()
  vi.useRealTimers()
  vi.restoreAllMocks()
})

function attachedWindow(): FakeWebContents {
  const contents = new FakeWebContents('app://gatehouse/index.html')
  transport.attach(contents as unknown as WebContents)
  return contents
}

/** What ipcRenderer.invoke would get back when `frame` of `contents` calls `path`. */
async function call(contents: FakeWebContents, path: unknown, input: unknown = {}, frame = contents.mainFrame) {
  const handler = fakeIpcMain.handlers.get(ipcChannels.call)
  if (!handler) throw new Error('the call channel has no handler')
  const event = { sender: contents, senderFrame: frame } as unknown as IpcMainInvokeEvent
  return (await handler(event, path, input)) as Result<unknown>
}

const forbidden = { ok: false, error: { code: 'FORBIDDEN', message: expect.any(String) } }

describe('the IPC transport', () => {
  it('answers on the call channel only', () => {
    expect([...fakeIpcMain.handlers.keys()]).toEqual([ipcChannels.call])
  })

  it("passes a call from the window's main frame to dispatch, with that window's token once a login issued one", async () => {
    const contents = attachedWindow()

    expect(await call(contents, 'identity.login', { username: 'ava', password: 'secret' })).toEqual({
      ok: true,
      value: { userId: 1 },
    })
    expect(await call(contents, 'users.list', { page: 1 })).toEqual({ ok: true, value: { echoed: { page: 1 } } })

    expect(standIn.calls.map(({ path, caller }) => [path, caller.token])).toEqual([
      ['identity.login', null],
      ['users.list', 'token-1'],
    ])
  })

  it('keeps a separate session for each window', async () => {
    const first = attachedWindow()
    const second = attachedWindow()

    await call(first, 'identity.login')
    await call(second, 'system.info')
    await call(first, 'system.info')

    expect(standIn.calls.map(({ caller }) => caller.token)).toEqual([null, null, 'token-1'])
  })

  it('answers a call from a subframe with FORBIDDEN, and dispatch never sees it', async () => {
    const contents = attachedWindow()
    await call(contents, 'identity.login')
    const subframe = new FakeFrame('app://gatehouse/index.html', 1, 'child-frame')

    expect(await call(contents, 'users.list', {}, subframe)).toEqual(forbidden)
    expect(standIn.calls.map(({ path }) => path)).toEqual(['identity.login'])
  })

  it('answers a call from a main frame showing a foreign origin with FORBIDDEN, and dispatch never sees it', async () => {
    const contents = attachedWindow()
    await call(contents, 'identity.login')

    for (const url of [
      'https://evil.example/',
      'file:///tmp/page.html',
      'app://elsewhere/',
      'http://localhost:5173/',
    ]) {
      contents.mainFrame.url = url
      expect(await call(contents, 'users.list'), url).toEqual(forbidden)
    }
    expect(standIn.calls.map(({ path }) => path)).toEqual(['identity.login'])
  })

  it('answers a call from a window it never attached, or a frame already gone, with FORBIDDEN', async () => {
    const stranger = new FakeWebContents('app://gatehouse/index.html')
    const contents = attachedWindow()

    expect(await call(stranger, 'system.info')).toEqual(forbidden)
    expect(await call(contents, 'system.info', {}, null as unknown as FakeFrame)).toEqual(forbidden)
    expect(standIn.calls).toEqual([])
  })

  it('delivers the events of the window session to that window in batches on the events channel', async () => {
    vi.useFakeTimers()
    const contents = attachedWindow()
    await call(contents, 'identity.login')
    const stream = standIn.streams[0]

    expect(stream?.token).toBe('token-1')
    stream?.deliver(auditAppended(1))
    stream?.deliver(auditAppended(2))
    stream?.deliver(auditAppended(3))
    expect(contents.sent).toEqual([])
    vi.advanceTimersByTime(100)

    expect(contents.sent).toEqual([
      { channel: ipcChannels.events, args: [[auditAppended(1), auditAppended(2), auditAppended(3)]] },
    ])
  })

  it('ends the window session on logout: the event stream closes and later calls carry no token', async () => {
    const contents = attachedWindow()
    await call(contents, 'identity.login')
    await call(contents, 'identity.logout')
    await call(contents, 'system.info')

    expect(standIn.streams[0]?.closed).toBe(true)
    expect(standIn.calls.at(-1)?.caller.token).toBeNull()
  })

  it('forgets the token when the backend ends the session on its own, such as an idle expiry', async () => {
    const contents = attachedWindow()
    await call(contents, 'identity.login')
    standIn.streams[0]?.end()
    await call(contents, 'system.info')

    expect(standIn.calls.at(-1)?.caller.token).toBeNull()
  })

  it('replaces the session and its stream when a second login issues a new token', async () => {
    const contents = attachedWindow()
    await call(contents, 'identity.login')
    await call(contents, 'identity.login')
    await call(contents, 'system.info')

    expect(standIn.streams.map(({ token, closed }) => [token, closed])).toEqual([
      ['token-1', true],
      ['token-2', false],
    ])
    expect(standIn.calls.at(-1)?.caller.token).toBe('token-2')
  })

  it('closes the event stream and forgets the token when the window is destroyed', async () => {
    vi.useFakeTimers()
    const contents = attachedWindow()
    await call(contents, 'identity.login')
    standIn.streams[0]?.deliver(auditAppended(1))

    contents.destroy()
    vi.advanceTimersByTime(1_000)

    expect(standIn.streams[0]?.closed).toBe(true)
    expect(contents.sent).toEqual([])
    expect(await call(contents, 'system.info')).toEqual(forbidden)
  })

  it('returns the result envelope as plain JSON, the same values HTTP would carry', async () => {
    const contents = attachedWindow()
    const result = await call(contents, 'system.echo', { at: new Date(0), tags: new Set(['a']), skip: undefined })

    expect(result).toEqual({ ok: true, value: { echoed: { at: '1970-01-01T00:00:00.000Z', tags: {} } } })
  })

  it('answers with an envelope, never a rejection, when a call cannot be served', async () => {
    const contents = attachedWindow()
    const cyclic: Record<string, unknown> = {}
    cyclic.self = cyclic
    vi.spyOn(console, 'error').mockImplementation(() => {})
    standIn.backend.dispatch = () => Promise.reject(new Error('bug'))

    expect(await call(contents, 42)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await call(contents, 'system.info', cyclic)).toMatchObject({ ok: false, error: { code: 'VALIDATION' } })
    expect(await call(contents, 'system.info')).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Gatehouse could not complete this request.' },
    })
  })

  it('stops answering once disposed', async () => {
    transport.dispose()

    expect(fakeIpcMain.handlers.has(ipcChannels.call)).toBe(false)
  })
})

describe('saving a PDF from the desktop window', () => {
  async function hostOfCall() {
    const contents = attachedWindow()
    await call(contents, 'permits.savePdf', { permitId: 1 })
    const host = standIn.calls.at(-1)?.caller.host
    if (!host) throw new Error('the IPC transport gave no host capabilities')
    return { contents, host }
  }

  it("prints the calling window's own page and writes the PDF where the person chose", async () => {
    const { contents, host } = await hostOfCall()
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-pdf-'))
    const target = path.join(dir, 'CSE-2026-0001 TK-101.pdf')
    fakeDialog.nextChoice = { canceled: false, filePath: target }
    expect(await host.exportPdf('CSE-2026-0001 TK-101.pdf')).toBe(target)
    expect(contents.pdfRequests).toEqual([{ pageSize: 'A4', printBackground: false, preferCSSPageSize: true }])
    expect(fakeDialog.shown).toEqual([expect.objectContaining({ defaultPath: 'CSE-2026-0001 TK-101.pdf' })])
    expect(fs.readFileSync(target, 'utf8')).toBe('%PDF-1.7 stand-in')
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('writes nothing when the person cancels the save dialog', async () => {
    const { host } = await hostOfCall()
    fakeDialog.nextChoice = { canceled: true, filePath: undefined }
    expect(await host.exportPdf('x.pdf')).toBeNull()
  })
})
