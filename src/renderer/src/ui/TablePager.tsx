import TablePagination from '@mui/material/TablePagination'

/** Page controls under a server-paged table: rows come in pages of `limit` from `offset`. */
export function TablePager({
  total,
  offset,
  limit,
  onPage,
  onLimit,
}: {
  total: number
  offset: number
  limit: number
  onPage(page: number): void
  onLimit(limit: number): void
}) {
  return (
    <TablePagination
      component="div"
      count={total}
      page={Math.floor(offset / limit)}
      rowsPerPage={limit}
      rowsPerPageOptions={[10, 25, 50, 100]}
      onPageChange={(_event, page) => onPage(page)}
      onRowsPerPageChange={(event) => onLimit(Number(event.target.value))}
    />
  )
}
