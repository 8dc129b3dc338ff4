import type { z } from 'zod'
import type { FieldIssue } from '../../shared/contract/errors'

/** zod issues as the caller sees them: the field's path, the rule broken, a sentence. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const field =
      issue.path.length > 0
        ? issue.path.map(String).join('.')
        : issue.code === 'unrecognized_keys'
          ? issue.keys.join(', ')
          : 'input'
    const message = issue.code === 'unrecognized_keys' ? 'is not a field of this request' : issue.message
    return { field, rule: issue.code, message }
  })
}

export function describeIssues(issues: FieldIssue[]): string {
  const parts = issues.slice(0, 5).map((issue) => `${issue.field} ${issue.message}`)
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : ''
  return `Please correct the input: ${parts.join('; ')}${more}.`
}
