import type { FieldIssue } from '../../shared/contract/errors'

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

const maxIssues = 20

/** Numbers, booleans and null hold no text: the walk need not step into them (a batch of readings is mostly numbers). */
const holdsText = (value: unknown) => typeof value === 'string' || (value !== null && typeof value === 'object')

/**
 * Every string in a call's input, keys included, must be well-formed Unicode: a lone UTF-16
 * surrogate cannot be stored as UTF-8 without turning into replacement characters, and the
 * stored row would then differ from its audit entry. Checked once, at the gate, for every
 * procedure; returns an issue per offending field (at most 20).
 */
export function illFormedText(input: unknown): FieldIssue[] {
  const issues: FieldIssue[] = []
  // One path, pushed and popped: a batch of a thousand readings is walked without copying it.
  const path: (string | number)[] = []
  const visit = (value: unknown): void => {
    if (issues.length >= maxIssues) return
    if (typeof value === 'string') {
      if (loneSurrogate.test(value)) issues.push(issueAt(path))
      return
    }
    if (value === null || typeof value !== 'object') return
    if (Array.isArray(value)) {
      for (let index = 0; index < value.length; index++) {
        const item: unknown = value[index]
        if (!holdsText(item)) continue
        path.push(index)
        visit(item)
        path.pop()
      }
      return
    }
    for (const key of Object.keys(value)) {
      const item: unknown = (value as Record<string, unknown>)[key]
      const badKey = loneSurrogate.test(key)
      if (!badKey && !holdsText(item)) continue
      path.push(key)
      if (badKey) issues.push(issueAt(path))
      visit(item)
      path.pop()
    }
  }
  visit(input)
  return issues
}

function issueAt(path: readonly (string | number)[]): FieldIssue {
  return {
    field: path.length === 0 ? 'input' : path.join('.'),
    rule: 'well_formed_unicode',
    message: 'must be well-formed Unicode text (it holds a lone surrogate)',
  }
}
