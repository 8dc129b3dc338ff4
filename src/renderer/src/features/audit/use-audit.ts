import { useStore } from 'zustand'
import { useStores } from '../../app/stores-context'
import type { AuditState } from './audit-store'

export const useAudit = <T>(selector: (state: AuditState) => T): T => useStore(useStores().audit, selector)
