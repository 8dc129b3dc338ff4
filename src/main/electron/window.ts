import { BrowserWindow, protocol } from 'electron'
import type { Session } from 'electron'
import { createRendererFileHandler } from './renderer-files'
import { appScheme } from './renderer-origin'
import type { RendererOrigin } from './renderer-origin'

/** Must run before the app's `ready` event: privileges can only be granted at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: appScheme,
      // standard + secure: a real origin with web storage and a secure context, like https.
      // corsEnabled: Vite emits `<script type="module" crossorigin>`, a CORS-mode request; we
      // never send Access-Control-Allow-Origin, so no other origin can read our files.
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true },
    },
  ])
}

/** The one permission the console uses: desktop notifications, so an alarm reaches a person away from the window. */
const grantedPermissions: ReadonlySet<string> = new Set(['notifications'])

/**
 * Session-wide rules, applied once after `ready`: the renderer's files are served from the app
 * scheme, and every browser permission (camera, geolocation, devices...) is refused, but for
 * notifications asked by the console's own pages.
 */
export function secureSession(session: Session, rendererDir: string, origin: RendererOrigin): void {
  session.protocol.handle(appScheme, createRendererFileHandler(rendererDir))
  session.setPermissionRequestHandler((_contents, permission, callback, details) =>
    callback(grantedPermissions.has(permission) && origin.owns(details.requestingUrl)),
  )
  session.setPermissionCheckHandler(
    (_contents, permission, requestingOrigin) =>
      grantedPermissions.has(permission) && origin.owns(`${requestingOrigin.replace(/\/$/, '')}/`),
  )
  session.setDevicePermissionHandler(() => false)
}

export interface MainWindowOptions {
  preloadPath: string
  origin: RendererOrigin
}

/** A console window with every item of Electron's security checklist that applies to it. */
export function createMainWindow({ preloadPath, origin }: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    title: 'Gatehouse',
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    // The dark theme's background, so no white flash before the first paint.
    backgroundColor: '#121212',
    show: false,
    webPreferences: {
      preload: preloadPath,
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
    },
  })
  const contents = window.webContents

  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  contents.on('will-navigate', (event) => {
    if (!origin.owns(event.url)) event.preventDefault()
  })
  contents.on('will-redirect', (event) => {
    if (!origin.owns(event.url)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())

  window.once('ready-to-show', () => window.show())
  window.loadURL(origin.entryUrl).catch((error: unknown) => {
    console.error('Gatehouse could not load its window:', error)
  })
  return window
}
