import { procedures } from '../../../shared/contract/procedures'
import type { ProcedurePath } from '../../../shared/contract/procedures'
import { localProblem } from './problem'
import type { LocalIssue, Problem } from './problem'

/**
 * Every issue a submit would meet, found before asking, so a form marks them all at once: the
 * window's own findings (a choice not made, a number not typed as one), then the contract's rules
 * for the same input, the schema the server applies first. Where the window has already judged a
 * field its words stand. Null when there is nothing to fix; the server may still refuse on rules
 * only it can check.
 */
export function precheck(path: ProcedurePath, input: unknown, own: readonly LocalIssue[] = []): Problem | null {
  const checked = procedures[path].input.safeParse(input)
  const contract = (checked.success ? [] : checked.error.issues)
    .map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }))
    .filter((issue) => !own.some((mine) => mine.path === issue.path || issue.path.startsWith(`${mine.path}.`)))
  const issues = [...own, ...contract]
  return issues.length > 0 ? localProblem(issues) : null
}
