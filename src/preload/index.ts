/**
 * The whole bridge between the sandboxed renderer and the main process: `call` and `subscribe`,
 * the Transport the renderer's typed client needs, and nothing else. Neither ipcRenderer nor
 * any IPC event object reaches the page.
 */
import { contextBridge, ipcRenderer } from 'electron'
import type { Transport } from '../shared/client/transport'
import type { Result } from '../shared/contract/errors'
import { bridgeName, ipcChannels } from '../shared/ipc-channels'

type Listener = (payload: unknown) => void

const listeners = new Map<string, Set<Listener>>()

function isMessage(value: unknown): value is { name: string; payload: unknown } {
  return typeof value === 'object' && value !== null && 'name' in value && typeof value.name === 'string'
}

ipcRenderer.on(ipcChannels.events, (_event, batch: unknown) => {
  if (!Array.isArray(batch)) return
  for (const message of batch) {
    if (!isMessage(message)) continue
    for (const listener of listeners.get(message.name) ?? []) {
      // One failing subscriber must not keep the event from the others.
      try {
        listener(message.payload)
      } catch (error) {
        console.error(`A subscriber to ${message.name} failed:`, error)
      }
    }
  }
})

const bridge: Transport = {
  call: (path, input) => ipcRenderer.invoke(ipcChannels.call, path, input) as Promise<Result<unknown>>,
  subscribe(event, listener) {
    const set = listeners.get(event) ?? new Set<Listener>()
    listeners.set(event, set)
    set.add(listener as Listener)
    return () => {
      set.delete(listener as Listener)
      if (set.size === 0 && listeners.get(event) === set) listeners.delete(event)
    }
  },
}

contextBridge.exposeInMainWorld(bridgeName, bridge)
