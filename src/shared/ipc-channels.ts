/**
 * The Electron IPC wire between the preload bridge and the main process, written once for
 * both sides. Two channels only: calls go up on one, event batches come down on the other.
 */
export const ipcChannels = {
  /** Renderer to main, `ipcRenderer.invoke(call, path, input)`; answers with a result envelope. */
  call: 'gatehouse:call',
  /** Main to renderer, `webContents.send(events, batch)`; a batch is an `EventMessage[]`. */
  events: 'gatehouse:events',
} as const

export type IpcChannel = (typeof ipcChannels)[keyof typeof ipcChannels]

/** The name under which the preload exposes the transport: `window.gatehouse`. */
export const bridgeName = 'gatehouse'
