import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Session } from 'electron'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { contentSecurityPolicy } from '../../src/main/core/content-security-policy'
import { rendererOrigin } from '../../src/main/electron/renderer-origin'
import { createMainWindow, registerAppScheme, secureSession } from '../../src/main/electron/window'
import { FakeBrowserWindow, createFakeSession, fakeProtocol, navigationEvent, resetFakeElectron } from './fake-electron'

vi.mock('electron', () => import('./fake-electron').then((fake) => fake.fakeElectron))

const production = rendererOrigin(undefined)

function openWindow(origin = production): FakeBrowserWindow {
  createMainWindow({ preloadPath: '/app/out/preload/index.js', origin })
  const window = FakeBrowserWindow.created.at(-1)
  if (!window) throw new Error('no window was created')
  return window
}

beforeEach(resetFakeElectron)

describe('the console window', () => {
  it('is created with every applicable item of the security checklist, for every window', () => {
    const windows = [openWindow(), openWindow(rendererOrigin('http://localhost:5173/'))]

    for (const window of windows) {
      expect(window.options.webPreferences).toEqual({
        preload: '/app/out/preload/index.js',
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        experimentalFeatures: false,
        webviewTag: false,
        navigateOnDragDrop: false,
        safeDialogs: true,
      })
    }
  })

  it('opens hidden with the Gatehouse title and a dark background, and shows itself once ready to paint', () => {
    const window = openWindow()

    expect(window.options).toMatchObject({ title: 'Gatehouse', show: false, backgroundColor: '#121212' })
    expect(window.options.minWidth).toBeGreaterThan(0)
    expect(window.visible).toBe(false)
    window.emit('ready-to-show')
    expect(window.visible).toBe(true)
  })

  it('loads the renderer from the app scheme, or from the dev server when electron-vite runs one', () => {
    expect(openWindow().loadedUrl).toBe('app://gatehouse/index.html')
    expect(openWindow(rendererOrigin('http://localhost:5173/')).loadedUrl).toBe('http://localhost:5173/')
  })

  it('refuses to open any new window, whatever the URL', () => {
    const { webContents } = openWindow()

    for (const url of ['https://evil.example/', 'app://gatehouse/index.html', 'file:///etc/passwd']) {
      expect(webContents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' })
    }
  })

  it('prevents navigation and redirects to any other origin, and lets pages of its own origin load', () => {
    const { webContents } = openWindow()
    const outcome = (eventName: string, url: string): boolean => {
      const event = navigationEvent(url)
      webContents.emit(eventName, event, url)
      return event.defaultPrevented
    }

    for (const eventName of ['will-navigate', 'will-redirect']) {
      expect(outcome(eventName, 'https://evil.example/')).toBe(true)
      expect(outcome(eventName, 'file:///etc/passwd')).toBe(true)
      expect(outcome(eventName, 'app://elsewhere/index.html')).toBe(true)
      expect(outcome(eventName, 'http://localhost:5173/')).toBe(true)
      expect(outcome(eventName, 'app://gatehouse/index.html')).toBe(false)
    }
  })

  it('in development trusts the dev server origin only', () => {
    const { webContents } = openWindow(rendererOrigin('http://localhost:5173/'))
    const prevented = (url: string): boolean => {
      const event = navigationEvent(url)
      webContents.emit('will-navigate', event, url)
      return event.defaultPrevented
    }

    expect(prevented('http://localhost:5173/permits')).toBe(false)
    expect(prevented('http://localhost:5174/')).toBe(true)
    expect(prevented('app://gatehouse/index.html')).toBe(true)
  })

  it('never lets a webview be attached', () => {
    const { webContents } = openWindow()
    const event = navigationEvent('about:blank')

    webContents.emit('will-attach-webview', event, {}, {})

    expect(event.defaultPrevented).toBe(true)
  })
})

describe('the session', () => {
  it('refuses every permission but notifications, and grants those only to the console’s own pages', () => {
    const session = createFakeSession()
    secureSession(session as unknown as Session, '/nowhere', rendererOrigin(undefined))
    const own = 'app://gatehouse/index.html'

    for (const permission of ['media', 'geolocation', 'openExternal', 'fullscreen', 'clipboard-read']) {
      const callback = vi.fn()
      session.permissionRequestHandler?.({}, permission, callback, { requestingUrl: own })
      expect(callback).toHaveBeenCalledExactlyOnceWith(false)
      expect(session.permissionCheckHandler?.(null, permission, 'app://gatehouse', {})).toBe(false)
    }
    const granted = vi.fn()
    session.permissionRequestHandler?.({}, 'notifications', granted, { requestingUrl: own })
    expect(granted).toHaveBeenCalledExactlyOnceWith(true)
    expect(session.permissionCheckHandler?.(null, 'notifications', 'app://gatehouse', {})).toBe(true)
    const foreign = vi.fn()
    session.permissionRequestHandler?.({}, 'notifications', foreign, { requestingUrl: 'https://evil.example/' })
    expect(foreign).toHaveBeenCalledExactlyOnceWith(false)
    expect(session.permissionCheckHandler?.(null, 'notifications', 'https://evil.example', {})).toBe(false)
    expect(session.devicePermissionHandler?.({ deviceType: 'usb' })).toBe(false)
  })
})

describe('the app scheme', () => {
  let rendererDir: string
  let serve: (request: Request) => Promise<Response>

  beforeEach(() => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'gatehouse-scheme-'))
    rendererDir = path.join(root, 'renderer')
    fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true })
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Gatehouse</title>')
    fs.writeFileSync(path.join(rendererDir, 'assets', 'index.js'), 'console.log("console")')
    fs.writeFileSync(path.join(root, 'secret.txt'), 'outside the renderer')
    const session = createFakeSession()
    secureSession(session as unknown as Session, rendererDir, rendererOrigin(undefined))
    const handler = session.schemes.get('app')
    if (!handler) throw new Error('the app scheme has no handler')
    serve = handler
  })

  afterEach(() => fs.rmSync(path.dirname(rendererDir), { recursive: true, force: true }))

  it('is registered before ready as a standard, secure scheme', () => {
    registerAppScheme()

    expect(fakeProtocol.privileged).toEqual([
      expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }),
    ])
  })

  it('serves the built renderer with the Content-Security-Policy on every response', async () => {
    const page = await serve(new Request('app://gatehouse/'))
    const script = await serve(new Request('app://gatehouse/assets/index.js'))
    const missing = await serve(new Request('app://gatehouse/assets/none.js'))

    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(await page.text()).toContain('<title>Gatehouse</title>')
    expect(script.headers.get('content-type')).toContain('text/javascript')
    expect(missing.status).toBe(404)
    for (const response of [page, script, missing]) {
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy)
    }
    expect(contentSecurityPolicy).toContain("default-src 'none'")
    expect(contentSecurityPolicy).toContain("script-src 'self'")
    expect(contentSecurityPolicy).not.toMatch(/script-src[^;]*unsafe/)
  })

  it('refuses path-traversal requests and reveals nothing outside the renderer folder', async () => {
    const attempts = [
      'app://gatehouse/..%2fsecret.txt',
      'app://gatehouse/%2e%2e%2fsecret.txt',
      'app://gatehouse/assets/..%2f..%2fsecret.txt',
      'app://gatehouse/..%5csecret.txt',
      'app://gatehouse/%2fetc%2fpasswd',
      'app://gatehouse/index.html%00.js',
      'app://elsewhere/index.html',
    ]

    for (const url of attempts) {
      const response = await serve(new Request(url))
      expect(response.status, url).toBe(404)
      expect(await response.text(), url).not.toContain('outside the renderer')
      expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy)
    }
  })
})
