import { useStore } from 'zustand'
import { useStores } from '../../app/stores-context'
import type { AlarmListState } from './alarm-list-store'

export const useAlarmList = <T>(selector: (state: AlarmListState) => T): T => useStore(useStores().alarmList, selector)
