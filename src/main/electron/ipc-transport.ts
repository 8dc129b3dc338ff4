import { writeFile } from 'node:fs/promises'
import { BrowserWindow, dialog, ipcMain } from 'electron'
import type { IpcMainInvokeEvent, WebContents } from 'electron'
import type { Result } from '../../shared/contract/errors'
import type { EventMessage } from '../../shared/contract/events'
import { ipcChannels } from '../../shared/ipc-channels'
import type { Backend } from '../backend-types'
import type { HostCapabilities, SessionChange } from '../core/caller'
import { createEventBatcher } from '../core/event-batcher'
import type { RendererOrigin } from './renderer-origin'

export interface IpcTransport {
  /** Lets this window's main frame call the backend; its session ends with the window. */
  attach(contents: WebContents): void
  /** Stops answering calls and closes every window's event stream. */
  dispose(): void
}

/** What the transport holds for one window: its session token and that session's events. */
interface WindowSession {
  contents: WebContents
  token: string | null
  stream: { close(): void } | null
  batcher: ReturnType<typeof createEventBatcher> | null
  detached: boolean
}

const forbidden: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'Only the Gatehouse window itself may call Gatehouse.' },
}

const failure = (code: 'VALIDATION' | 'INTERNAL', message: string): Result<never> => ({
  ok: false,
  error: { code, message },
})

/**
 * IPC carries structured clones (Dates, Maps, cycles...); the HTTP transport carries JSON. Passing
 * both through JSON means the backend and the renderer see the same values over either transport.
 */
function asJson(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value ?? {})) as unknown
}

/** Printing belongs to the window that asked: its own page, with its print stylesheet. */
const pdfOptions = { pageSize: 'A4', printBackground: false, preferCSSPageSize: true } as const

function hostOf(contents: WebContents): HostCapabilities {
  return {
    printPdf: () => contents.printToPDF(pdfOptions),
    async exportPdf(suggestedName) {
      const pdf = await contents.printToPDF(pdfOptions)
      const owner = BrowserWindow.fromWebContents(contents)
      const options = { defaultPath: suggestedName, filters: [{ name: 'PDF document', extensions: ['pdf'] }] }
      const choice = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options)
      if (choice.canceled || !choice.filePath) return null
      await writeFile(choice.filePath, pdf)
      return choice.filePath
    },
  }
}

export function registerIpcTransport(backend: Backend, origin: RendererOrigin): IpcTransport {
  const windows = new Map<WebContents, WindowSession>()

  function endSession(session: WindowSession): void {
    session.stream?.close()
    session.batcher?.close()
    session.stream = null
    session.batcher = null
    session.token = null
  }

  function startSession(session: WindowSession, token: string): void {
    endSession(session)
    const { contents } = session
    const batcher = createEventBatcher((batch: EventMessage[]) => {
      if (!session.detached && !contents.isDestroyed()) contents.send(ipcChannels.events, batch)
    })
    const stream = backend.openEventStream(
      token,
      (message) => batcher.push(message),
      () => {
        // The backend ended the session (logout, idle expiry) and closed the stream itself.
        if (session.batcher !== batcher) return
        session.stream = null
        endSession(session)
      },
    )
    if (stream === null) return
    session.token = token
    session.stream = stream
    session.batcher = batcher
  }

  function applySessionChange(session: WindowSession, change: SessionChange | null): void {
    if (change === null || session.detached) return
    if (change.kind === 'issued') startSession(session, change.token)
    else endSession(session)
  }

  /**
   * A call is answered only when it comes from the main frame of a window we attached, showing a
   * page of our own origin: never from a subframe, and never after a navigation elsewhere.
   */
  function trustedSession(event: IpcMainInvokeEvent): WindowSession | null {
    const session = windows.get(event.sender)
    const frame = event.senderFrame
    if (!session || session.detached || frame === null || event.sender.isDestroyed()) return null
    const mainFrame = event.sender.mainFrame
    const isMainFrame = frame.processId === mainFrame.processId && frame.frameToken === mainFrame.frameToken
    return isMainFrame && origin.owns(frame.url) ? session : null
  }

  ipcMain.handle(ipcChannels.call, async (event, path: unknown, input: unknown): Promise<Result<unknown>> => {
    const session = trustedSession(event)
    if (session === null) return forbidden
    if (typeof path !== 'string') return failure('VALIDATION', 'A call must name a procedure.')
    let jsonInput: unknown
    try {
      jsonInput = asJson(input)
    } catch {
      return failure('VALIDATION', 'The input of a call must be plain JSON.')
    }
    try {
      const outcome = await backend.dispatch(path, jsonInput, { token: session.token, host: hostOf(session.contents) })
      applySessionChange(session, outcome.sessionChange)
      return asJson(outcome.result) as Result<unknown>
    } catch (error) {
      // dispatch() never throws by contract; if it does, the renderer still gets an envelope.
      console.error(`Gatehouse IPC call ${path} failed:`, error)
      return failure('INTERNAL', 'Gatehouse could not complete this request.')
    }
  })

  return {
    attach(contents) {
      if (windows.has(contents)) return
      const session: WindowSession = { contents, token: null, stream: null, batcher: null, detached: false }
      windows.set(contents, session)
      contents.once('destroyed', () => {
        session.detached = true
        endSession(session)
        windows.delete(contents)
      })
    },
    dispose() {
      ipcMain.removeHandler(ipcChannels.call)
      for (const session of windows.values()) {
        session.detached = true
        endSession(session)
      }
      windows.clear()
    },
  }
}
