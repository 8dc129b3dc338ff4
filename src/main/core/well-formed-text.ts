import type { FieldIssue } from '../../shared/contract/errors'

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

const maxIssues = 20

/**
 * Every string in a call's input, keys included, must be well-formed Unicode: a lone UTF-16
 * surrogate cannot be stored as UTF-8 without turning into replacement characters, and the
 * stored row would then differ from its audit entry. Checked once, at the gate, for every
 * procedure; returns an issue per offending field (at most 20).
 */
export function illFormedText(input: unknown): FieldIssue[] {
  const issues: FieldIssue[] = []
  const visit = (value: unknown, path: string[]): void => {
    if (issues.length >= maxIssues) return
    if (typeof value === 'string') {
      if (loneSurrogate.test(value)) issues.push(issueAt(path))
      return
    }
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, [...path, String(index)]))
      return
    }
    if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (loneSurrogate.test(key)) issues.push(issueAt([...path, key]))
        visit(item, [...path, key])
      }
    }
  }
  visit(input, [])
  return issues
}

function issueAt(path: string[]): FieldIssue {
  return {
    field: path.length === 0 ? 'input' : path.join('.'),
    rule: 'well_formed_unicode',
    message: 'must be well-formed Unicode text (it holds a lone surrogate)',
  }
}
