import { createJSONStorage, persist } from 'zustand/middleware'
import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'

export type ThemeMode = 'dark' | 'light'

export interface ThemeState {
  mode: ThemeMode
  toggle(): void
}

export type ThemeStore = StoreApi<ThemeState>

export const themeStorageKey = 'gatehouse.theme'

/** Dark is the default: the console runs on control-room screens read from across the room. */
export function createThemeStore(): ThemeStore {
  return createStore<ThemeState>()(
    persist(
      (set) => ({
        mode: 'dark',
        toggle: () => set((state) => ({ mode: state.mode === 'dark' ? 'light' : 'dark' })),
      }),
      {
        name: themeStorageKey,
        storage: createJSONStorage(() => window.localStorage),
        partialize: (state) => ({ mode: state.mode }),
      },
    ),
  )
}
