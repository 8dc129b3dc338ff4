/** The paging and search state of a server-paged, searchable list. */
export interface PagedSearch {
  offset: number
  limit: number
  search: string
}

const searchDelayMs = 300

/**
 * The actions every paged, searchable list shares: typing waits for a pause before loading,
 * and any change of search or page size goes back to the first page.
 */
export function pagedSearchActions(
  set: (changes: Partial<PagedSearch>) => void,
  get: () => PagedSearch,
  load: () => void,
) {
  let searchTimer: ReturnType<typeof setTimeout> | undefined
  return {
    actions: {
      setSearch(search: string) {
        set({ search, offset: 0 })
        clearTimeout(searchTimer)
        searchTimer = setTimeout(load, searchDelayMs)
      },
      setPage(page: number) {
        set({ offset: page * get().limit })
        load()
      },
      setLimit(limit: number) {
        set({ limit, offset: 0 })
        load()
      },
    },
    /** Drops a search still waiting to load. */
    cancelPendingSearch: () => clearTimeout(searchTimer),
  }
}
