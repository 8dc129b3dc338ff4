/** Asks for the whole screen (a wall display); where the browser refuses, the page still works in its window. */
export function enterFullScreen(): void {
  if (document.fullscreenElement || !document.documentElement.requestFullscreen) return
  document.documentElement.requestFullscreen().catch(() => undefined)
}

export function leaveFullScreen(): void {
  if (!document.fullscreenElement) return
  document.exitFullscreen().catch(() => undefined)
}
