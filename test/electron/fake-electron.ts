/**
 * A stand-in for the `electron` module, so the Electron edge runs under plain Node. Test files
 * install it with `vi.mock('electron', () => import('./fake-electron').then((m) => m.fakeElectron))`
 * and read what the code under test did through the same objects.
 */
import { EventEmitter } from 'node:events'
import type { BrowserWindowConstructorOptions } from 'electron'

type Handler = (...args: unknown[]) => unknown

export class FakeFrame {
  constructor(
    public url: string,
    public processId = 1,
    public frameToken = 'main-frame',
  ) {}
}

export class FakeWebContents extends EventEmitter {
  mainFrame: FakeFrame
  readonly sent: { channel: string; args: unknown[] }[] = []
  windowOpenHandler: Handler | null = null
  private destroyed = false

  constructor(url = 'app://gatehouse/index.html') {
    super()
    this.mainFrame = new FakeFrame(url)
  }

  readonly pdfRequests: unknown[] = []

  /** A real PDF needs Chromium; the stand-in returns recognisable bytes and records the options. */
  async printToPDF(options: unknown): Promise<Buffer> {
    this.pdfRequests.push(options)
    return Buffer.from('%PDF-1.7 stand-in')
  }

  setWindowOpenHandler(handler: Handler): void {
    this.windowOpenHandler = handler
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args })
    fakeIpcRenderer.receive(channel, args)
  }

  isDestroyed(): boolean {
    return this.destroyed
  }

  destroy(): void {
    this.destroyed = true
    this.emit('destroyed')
  }
}

/** An Electron navigation event: the URL and a preventDefault that records itself. */
export function navigationEvent(url: string): { url: string; defaultPrevented: boolean; preventDefault(): void } {
  return {
    url,
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true
    },
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly created: FakeBrowserWindow[] = []
  readonly webContents = new FakeWebContents()
  loadedUrl: string | null = null
  visible = false

  constructor(public readonly options: BrowserWindowConstructorOptions) {
    super()
    FakeBrowserWindow.created.push(this)
  }

  static fromWebContents(contents: FakeWebContents): FakeBrowserWindow | null {
    return FakeBrowserWindow.created.find((window) => window.webContents === contents) ?? null
  }

  loadURL(url: string): Promise<void> {
    this.loadedUrl = url
    this.webContents.mainFrame.url = url
    return Promise.resolve()
  }

  show(): void {
    this.visible = true
  }
}

export const fakeIpcMain = {
  handlers: new Map<string, Handler>(),
  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) throw new Error(`a second handler for ${channel}`)
    this.handlers.set(channel, handler)
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  },
}

/** The renderer side: invoke() reaches ipcMain's handler as if sent from `caller`'s main frame. */
export const fakeIpcRenderer = {
  caller: null as FakeWebContents | null,
  listeners: new Map<string, Handler[]>(),
  invoked: [] as { channel: string; args: unknown[] }[],
  on(channel: string, listener: Handler): void {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener])
  },
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invoked.push({ channel, args })
    const handler = fakeIpcMain.handlers.get(channel)
    const sender = this.caller
    if (!handler || !sender) throw new Error(`nothing handles ${channel}`)
    return handler({ sender, senderFrame: sender.mainFrame }, ...args)
  },
  receive(channel: string, args: unknown[]): void {
    for (const listener of this.listeners.get(channel) ?? []) listener({ sender: 'ipc-event' }, ...args)
  },
}

/** The save dialog answers with whatever the test puts in `nextChoice`. */
export const fakeDialog = {
  nextChoice: { canceled: true, filePath: undefined as string | undefined },
  shown: [] as unknown[],
  async showSaveDialog(...args: unknown[]) {
    this.shown.push(args.at(-1))
    return this.nextChoice
  },
}

export const fakeContextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    this.exposed.set(key, api)
  },
}

export const fakeProtocol = {
  privileged: [] as unknown[],
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    this.privileged.push(...schemes)
  },
}

export function createFakeSession() {
  const session = {
    schemes: new Map<string, (request: Request) => Promise<Response>>(),
    permissionRequestHandler: null as Handler | null,
    permissionCheckHandler: null as Handler | null,
    devicePermissionHandler: null as Handler | null,
    protocol: {
      handle(scheme: string, handler: (request: Request) => Promise<Response>): void {
        session.schemes.set(scheme, handler)
      },
    },
    setPermissionRequestHandler(handler: Handler): void {
      session.permissionRequestHandler = handler
    },
    setPermissionCheckHandler(handler: Handler): void {
      session.permissionCheckHandler = handler
    },
    setDevicePermissionHandler(handler: Handler): void {
      session.devicePermissionHandler = handler
    },
  }
  return session
}

export function resetFakeElectron(): void {
  FakeBrowserWindow.created.length = 0
  fakeIpcMain.handlers.clear()
  fakeIpcRenderer.caller = null
  fakeIpcRenderer.listeners.clear()
  fakeIpcRenderer.invoked.length = 0
  fakeContextBridge.exposed.clear()
  fakeProtocol.privileged.length = 0
  fakeDialog.nextChoice = { canceled: true, filePath: undefined }
  fakeDialog.shown.length = 0
}

export const fakeElectron = {
  BrowserWindow: FakeBrowserWindow,
  ipcMain: fakeIpcMain,
  ipcRenderer: fakeIpcRenderer,
  contextBridge: fakeContextBridge,
  protocol: fakeProtocol,
  dialog: fakeDialog,
}
