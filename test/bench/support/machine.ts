import os from 'node:os'

/** What the figures were measured on: a busy or small machine explains a lot. */
export function machine(): string {
  const [load] = os.loadavg()
  return `(${String(os.cpus().length)} CPU cores, load average ${(load ?? 0).toFixed(2)} at the start, Node ${process.version})\n`
}
