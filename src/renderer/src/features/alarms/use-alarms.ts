import { useStore } from 'zustand'
import { useStores } from '../../app/stores-context'
import type { AlarmsState } from './alarm-store'

export const useAlarms = <T>(selector: (state: AlarmsState) => T): T => useStore(useStores().alarms, selector)
