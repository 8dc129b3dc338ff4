// Opens a URL in the default browser, best effort: a machine without a desktop (or without the
// opener) still gets the console served, and the address is printed for a person to open.
import { spawn } from 'node:child_process'

function opener(url) {
  if (process.platform === 'darwin') return ['open', [url]]
  // `start` is a cmd built-in; its first quoted argument is the window title.
  if (process.platform === 'win32') return ['cmd', ['/c', 'start', '""', url]]
  return ['xdg-open', [url]]
}

/** BROWSER=none (the convention Vite and create-react-app follow) leaves the browser closed. */
export function openBrowser(url) {
  if (process.env.BROWSER === 'none') return
  const [command, args] = opener(url)
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true })
    child.on('error', () => {})
    child.unref()
  } catch {
    // No opener: the printed address is enough.
  }
}
