import Button from '@mui/material/Button'
import DialogActions from '@mui/material/DialogActions'

/**
 * An export dialog's buttons: Cancel and Export before, Close (and, in browser mode, Download)
 * once the file is written; nothing can be closed while it is being written.
 */
export function ExportActions(props: {
  written: boolean
  desktop: boolean
  exporting: boolean
  downloading: boolean
  onClose: () => void
  onDownload: () => void
}) {
  const { written, desktop, exporting, downloading, onClose, onDownload } = props
  return (
    <DialogActions>
      <Button onClick={onClose} disabled={exporting}>
        {written ? 'Close' : 'Cancel'}
      </Button>
      {written && !desktop ? (
        <Button variant="contained" disabled={downloading} onClick={onDownload}>
          Download
        </Button>
      ) : null}
      {written ? null : (
        <Button type="submit" variant="contained" disabled={exporting}>
          Export
        </Button>
      )}
    </DialogActions>
  )
}
