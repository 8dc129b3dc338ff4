import { useCallback, useLayoutEffect, useRef, useState } from 'react'
import type { RefObject } from 'react'
import { focusField, shownIssues } from '../errors/form-issues'
import type { ShownIssue } from '../errors/form-issues'
import type { Problem } from '../errors/problem'

/** What <IssueSummary> shows: the failure, its issues named by label, and a way to each field. */
export interface IssueSummaryState {
  problem: Problem | null
  issues: ShownIssue[]
  /** Moves the keyboard to the field holding this path. */
  focus(path: string): void
}

/**
 * A form's failures, ready for <IssueSummary>: each time a new problem arrives (a submit refused,
 * by the window's own checks or the server's), every issue is named by its field's visible label
 * and the keyboard goes to the first field at fault, in the order the form shows them. `formRef`
 * goes on the form (or the element around its fields).
 */
export function useIssueSummary<T extends HTMLElement = HTMLFormElement>(
  problem: Problem | null,
): { formRef: RefObject<T | null>; summary: IssueSummaryState } {
  const formRef = useRef<T | null>(null)
  const [issues, setIssues] = useState<ShownIssue[]>([])
  useLayoutEffect(() => {
    const form = formRef.current
    const found = problem && form ? shownIssues(form, problem) : []
    setIssues(found)
    const first = found[0]
    if (first) focusField(form, first.path)
  }, [problem])
  const focus = useCallback((path: string) => void focusField(formRef.current, path), [])
  return { formRef, summary: { problem, issues, focus } }
}
