import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { DeviceDto } from '../../../../shared/contract/devices'
import type { SiteDto } from '../../../../shared/contract/sites'
import type { Connection } from '../../connection/connection'
import { precheck } from '../../errors/contract-check'
import { fieldProblem, toProblem } from '../../errors/problem'
import type { Problem } from '../../errors/problem'

/**
 * The token dialog holds the only copy the window ever has: it is shown once, and forgotten
 * when the dialog closes (the server keeps only its hash).
 */
export type DeviceDialog =
  { kind: 'create' } | { kind: 'token'; device: DeviceDto; token: string } | { kind: 'revoke'; device: DeviceDto }

export interface DevicesState {
  devices: DeviceDto[]
  includeRevoked: boolean
  sites: SiteDto[]
  loading: boolean
  problem: string | null
  dialog: DeviceDialog | null
  saving: boolean
  dialogProblem: Problem | null
  /** Loads the devices and follows changes; the returned function stops that. */
  open(): () => void
  setIncludeRevoked(include: boolean): void
  openDialog(dialog: DeviceDialog): void
  closeDialog(): void
  create(form: { name: string; siteId: number | null }): Promise<void>
  revoke(reason: string): Promise<void>
}

export type DevicesStore = StoreApi<DevicesState>

const closed = {
  devices: [],
  includeRevoked: false,
  loading: false,
  problem: null,
  dialog: null,
  saving: false,
  dialogProblem: null,
} satisfies Partial<DevicesState>

/** Field devices (monitors, gateways, tablets) and their tokens, as the Admin page keeps them. */
export function createDevicesStore({ api, transport }: Connection): DevicesStore {
  let latestLoad = 0

  return createStore<DevicesState>()((set, get) => {
    const load = async (): Promise<void> => {
      const asked = ++latestLoad
      set({ loading: true })
      try {
        const devices = await api.devices.list({ includeRevoked: get().includeRevoked })
        if (asked === latestLoad) set({ devices, loading: false, problem: null })
      } catch (error) {
        if (asked === latestLoad) set({ loading: false, problem: toProblem(error).message })
      }
    }

    const loadSites = async (): Promise<void> => {
      try {
        set({ sites: await api.sites.list({}) })
      } catch {
        // The create dialog's site field stays empty and says so when saved.
      }
    }

    return {
      ...closed,
      sites: [],

      open() {
        set(closed)
        const unsubscribes = [
          transport.subscribe('devices.changed', () => void load()),
          transport.subscribe('sites.changed', () => void loadSites()),
        ]
        void load()
        void loadSites()
        return () => {
          unsubscribes.forEach((unsubscribe) => unsubscribe())
          latestLoad++
          set(closed)
        }
      },

      setIncludeRevoked(includeRevoked) {
        set({ includeRevoked })
        void load()
      },

      openDialog: (dialog) => set({ dialog, dialogProblem: null }),
      closeDialog: () => set({ dialog: null, dialogProblem: null }),

      async create({ name, siteId }) {
        const found = precheck(
          'devices.create',
          { name, siteId: siteId ?? 0 },
          siteId === null
            ? [{ path: 'siteId', message: 'is required: choose the site the device posts readings for' }]
            : [],
        )
        if (found || siteId === null) {
          set({ dialogProblem: found })
          return
        }
        set({ saving: true, dialogProblem: null })
        try {
          const { device, token } = await api.devices.create({ name, siteId })
          set({ saving: false, dialog: { kind: 'token', device, token } })
          void load()
        } catch (error) {
          set({ saving: false, dialogProblem: toProblem(error) })
        }
      },

      async revoke(reason) {
        const { dialog } = get()
        if (dialog?.kind !== 'revoke') return
        if (reason.trim() === '') {
          set({ dialogProblem: fieldProblem('reason', 'is required: say why the token is revoked') })
          return
        }
        set({ saving: true, dialogProblem: null })
        try {
          await api.devices.revoke({ deviceId: dialog.device.id, reason })
          set({ saving: false, dialog: null })
          void load()
        } catch (error) {
          set({ saving: false, dialogProblem: toProblem(error) })
        }
      },
    }
  })
}
