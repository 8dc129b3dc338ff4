import { useEffect, useState } from 'react'
import { useStore } from 'zustand'
import { useStores } from '../app/stores-context'

/** The server's current time, ticking once a second while the component is shown. */
export function useServerNow(periodMs = 1000): number {
  const offsetMs = useStore(useStores().clock, (state) => state.offsetMs)
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), periodMs)
    return () => clearInterval(timer)
  }, [periodMs])
  return now + offsetMs
}

/** Whether the times shown are counted on the server's clock yet. */
export const useClockSynced = (): boolean => useStore(useStores().clock, (state) => state.synced)
