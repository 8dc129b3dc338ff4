import { useEffect } from 'react'
import { useAlarms } from './use-alarms'

const appName = 'Gatehouse'

/** The window's title counts the open alarms, so a console in the taskbar still shows them. */
export function useAlarmTitle(): void {
  const openCount = useAlarms((state) => state.summary?.openCount ?? 0)
  useEffect(() => {
    document.title = openCount > 0 ? `(${String(openCount)}) ${appName}` : appName
    return () => {
      document.title = appName
    }
  }, [openCount])
}
