import path from 'node:path'
import { app, BrowserWindow, dialog, session } from 'electron'
import { createBackend } from './backend'
import { hostBackend } from './backend-host'
import type { Backend } from './backend-types'
import { resolveDataDir } from './core/data-dir'
import { DatabaseDamagedError, ForeignDatabaseError } from './db/database'
import { registerIpcTransport } from './electron/ipc-transport'
import { findElectronNativeBinding } from './electron/native-binding'
import { rendererOrigin } from './electron/renderer-origin'
import { createMainWindow, registerAppScheme, secureSession } from './electron/window'

// Built layout: out/main/index.js beside out/preload/index.js and out/renderer/.
const preloadPath = path.join(__dirname, '../preload/index.js')
const rendererDir = path.join(__dirname, '../renderer')

function startFailureMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function start(): void {
  registerAppScheme()
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })

  void app.whenReady().then(() => {
    let backend: Backend
    try {
      const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'))
      const nativeBinding = findElectronNativeBinding(app.getAppPath(), process.versions.electron)
      // Hosted, so that a restore from the Admin page can reopen it on the restored file.
      backend = hostBackend((options) => createBackend({ dataDir, nativeBinding, ...options }))
    } catch (error) {
      const title =
        error instanceof DatabaseDamagedError
          ? 'The Gatehouse database is damaged'
          : error instanceof ForeignDatabaseError
            ? 'This is not a Gatehouse database'
            : 'Gatehouse could not start'
      dialog.showErrorBox(title, startFailureMessage(error))
      app.exit(1)
      return
    }

    // electron-vite sets the dev server's address only under `electron-vite dev`.
    const origin = rendererOrigin(app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL)
    secureSession(session.defaultSession, rendererDir, origin)
    const transport = registerIpcTransport(backend, origin)
    const openWindow = (): BrowserWindow => {
      const window = createMainWindow({ preloadPath, origin })
      transport.attach(window.webContents)
      return window
    }
    openWindow()

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow()
    })
    app.on('second-instance', () => {
      const window = BrowserWindow.getAllWindows()[0] ?? openWindow()
      if (window.isMinimized()) window.restore()
      window.focus()
    })
    app.on('will-quit', () => {
      transport.dispose()
      backend.close()
    })
  })
}

// One console per user: a second launch focuses the running one instead.
if (app.requestSingleInstanceLock()) start()
else app.quit()
