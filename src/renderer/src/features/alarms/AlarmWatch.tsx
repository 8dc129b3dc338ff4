import { useEffect } from 'react'
import { AlarmBanner } from './parts/AlarmBanner'
import { useAlarmTitle } from './use-alarm-title'
import { useAlarms } from './use-alarms'

/** Keeps this console watching alarms while someone who may see them is signed in: banner, tone, title. */
export function AlarmWatch() {
  const open = useAlarms((state) => state.open)
  useEffect(() => open(), [open])
  useAlarmTitle()
  return <AlarmBanner />
}
