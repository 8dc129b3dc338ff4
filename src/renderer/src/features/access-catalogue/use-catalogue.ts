import { useEffect, useMemo } from 'react'
import { useStore } from 'zustand'
import type { ResourceDto } from '../../../../shared/contract/access'
import { useStores } from '../../app/stores-context'
import type { CatalogueState } from './catalogue-store'

export const useCatalogue = <T>(selector: (state: CatalogueState) => T): T => useStore(useStores().catalogue, selector)

/** The catalogue, loaded on first use: every resource, and the ones still open to requests. */
export function useResources(): { all: ResourceDto[]; open: ResourceDto[]; loaded: boolean } {
  const ensure = useCatalogue((state) => state.ensure)
  const all = useCatalogue((state) => state.resources)
  const loaded = useCatalogue((state) => state.loaded)
  useEffect(() => ensure(), [ensure])
  const open = useMemo(() => all.filter((resource) => resource.retiredAt === null), [all])
  return { all, open, loaded }
}
