import { useStore } from 'zustand'
import { useStores } from '../../app/stores-context'
import type { PermitFormState } from './permit-form-store'

export const usePermitForm = <T>(selector: (state: PermitFormState) => T): T =>
  useStore(useStores().permitForm, selector)
