/**
 * Hands a file to the browser's (or the window's) own download: the person's browser settings
 * decide where it lands. Works alike in browser mode and on the desktop.
 */
export function saveFile(name: string, content: Blob): void {
  const url = URL.createObjectURL(content)
  const link = document.createElement('a')
  link.href = url
  link.download = name
  link.hidden = true
  document.body.append(link)
  link.click()
  link.remove()
  // The download has taken its copy once click() returns; the URL is freed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/** A JSON document as a file, indented so a person can read it. */
export const jsonFile = (value: unknown): Blob =>
  new Blob([`${JSON.stringify(value, null, 2)}\n`], { type: 'application/json' })
