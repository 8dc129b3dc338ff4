// Runs the process that does the work (the desktop app, or browser mode's server) as our child:
// Ctrl+C and `kill` reach it, and `npm start` ends with its exit code.
import { spawn } from 'node:child_process'

export function runChild(command, args, options) {
  const child = spawn(command, args, options)
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
  return child
}
