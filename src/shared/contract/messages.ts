import { z } from 'zod'

/**
 * Plain-language messages for the rules schemas do not word themselves. Each reads after
 * the field name: "username is required", "roles.0 must be one of: ...".
 */
z.config({
  customError: (issue) => {
    switch (issue.code) {
      case 'invalid_type':
        return issue.input === undefined ? 'is required' : `must be ${article(issue.expected)}`
      case 'invalid_value':
        return `must be one of: ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`
      case 'too_small':
        return issue.origin === 'number' ? `must be at least ${String(issue.minimum)}` : undefined
      case 'too_big':
        return issue.origin === 'number' ? `must be at most ${String(issue.maximum)}` : undefined
      default:
        return undefined
    }
  },
})

function article(expected: string): string {
  if (expected === 'int') return 'a whole number'
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`
}
