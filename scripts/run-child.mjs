// Runs the processes that do the work (the build, the desktop app, browser mode's server) as our
// children, one at a time: Ctrl+C and `kill` reach the one running, and `npm start` ends with
// its exit code.
import { spawn } from 'node:child_process'
import os from 'node:os'

let running = null
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (running) running.kill(signal)
    else process.exit(128 + os.constants.signals[signal])
  })
}

/** Starts a child; `exited` resolves with its exit code (ended by a signal counts as 1). */
export function runChild(command, args, options) {
  const child = spawn(command, args, options)
  running = child
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      if (running === child) running = null
      resolve(code ?? (signal ? 1 : 0))
    })
  })
  return { child, exited }
}
