import { useEffect } from 'react'
import { AlarmBanner } from './parts/AlarmBanner'
import { useAlarmTitle } from './use-alarm-title'
import { useAlarms } from './use-alarms'

/**
 * Keeps this console watching alarms while someone who may see them is signed in: banner, tone,
 * title. A wall display leaves the banner out: nobody acknowledges there, and its cards show them.
 */
export function AlarmWatch({ banner = true }: { banner?: boolean }) {
  const open = useAlarms((state) => state.open)
  useEffect(() => open(), [open])
  useAlarmTitle()
  return banner ? <AlarmBanner /> : null
}
