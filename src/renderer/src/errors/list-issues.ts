import { issuesUnder } from './problem'
import type { Problem } from './problem'

/**
 * The issues of a list field as one sentence a person can act on: "entrants.1.name must be..."
 * reads "Entrant 2: must be...", so the chip at fault can be found.
 */
export function listIssueText(problem: Problem | null, prefix: string, itemLabel: string): string | undefined {
  const issues = issuesUnder(problem, prefix)
  if (issues.length === 0) return undefined
  return issues
    .map(({ path, message }) => {
      const index = /^[^.]+\.(\d+)/.exec(path)?.[1]
      return index === undefined ? message : `${itemLabel} ${String(Number(index) + 1)}: ${message}`
    })
    .join(' ')
}
