import Papa from 'papaparse'

/**
 * The header and the first rows of a file, read from its beginning only, each with its row
 * number as a spreadsheet shows it; blank rows are passed over (and counted).
 */
export function readPreview(file: File, rows: number): Promise<{ cells: string[]; line: number }[]> {
  return new Promise((resolve, reject) => {
    const found: { cells: string[]; line: number }[] = []
    let line = 0
    Papa.parse<string[]>(file, {
      // A slice from the beginning is enough for a header and a few rows.
      chunkSize: 64 * 1024,
      skipEmptyLines: false,
      step: (results, parser) => {
        line += 1
        if (results.data.some((cell) => cell.trim() !== '')) found.push({ cells: results.data, line })
        if (found.length >= rows) parser.abort()
      },
      complete: () => resolve(found),
      error: (error) => reject(error),
    })
  })
}

/** Bytes parsed at a time: about 13,000 rows of a monitor's datalog, parsed in a few milliseconds. */
const chunkBytes = 1024 * 1024

/**
 * Every record of the file in order, a chunk at a time, with its row number as a spreadsheet
 * shows it (the header is row 1). Papaparse's chunk mode reads the file in slices, so a large file
 * is never held whole as rows; the parser pauses while `onRecords` works (it uploads), which keeps
 * memory flat. Its worker mode is not used: the content security policy allows no blob: worker.
 */
export function streamRecords(
  file: File,
  onRecords: (records: { cells: string[]; line: number }[], bytesRead: number) => Promise<void>,
): Promise<void> {
  return new Promise((resolve, reject) => {
    let line = 0
    let failed = false
    Papa.parse<string[]>(file, {
      chunkSize: chunkBytes,
      skipEmptyLines: false,
      chunk: (results, parser) => {
        parser.pause()
        const records = results.data.map((cells) => ({ cells, line: (line += 1) }))
        onRecords(records, results.meta.cursor).then(
          () => parser.resume(),
          (error: unknown) => {
            failed = true
            parser.abort()
            reject(error instanceof Error ? error : new Error(String(error)))
          },
        )
      },
      complete: () => {
        if (!failed) resolve()
      },
      error: (error) => reject(error),
    })
  })
}

/** The file's bytes, by FileReader (which every renderer has, test environments included). */
function bytesOf(file: File): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(reader.result as ArrayBuffer)
    reader.onerror = () => reject(reader.error ?? new Error('the file cannot be read'))
    reader.readAsArrayBuffer(file)
  })
}

/** SHA-256 of the file's bytes as lower-case hex: the same file is recognised when it comes again. */
export async function fileSha256(file: File): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new Uint8Array(await bytesOf(file)))
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('')
}
