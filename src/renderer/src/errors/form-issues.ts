import type { Problem } from './problem'

/** One issue as a person reads it in a form's summary: the field by its visible label, then the rule. */
export interface ShownIssue {
  path: string
  sentence: string
}

const escape = (value: string): string => value.replace(/["\\]/g, '\\$&')

/**
 * The element that holds `path` inside `form`: an input named by it (IssueTextField and MUI
 * inputs carry the server's path as their name) or a group marked `data-field`, else the nearest
 * enclosing path ("entrants.1.name" lands on the entrants field). `rest` is what lies below it.
 */
export function fieldElement(form: HTMLElement, path: string): { element: HTMLElement; rest: string[] } | null {
  const segments = path.split('.')
  for (let length = segments.length; length > 0; length -= 1) {
    const at = escape(segments.slice(0, length).join('.'))
    const element = form.querySelector<HTMLElement>(`[name="${at}"], [data-field="${at}"]`)
    if (element) return { element, rest: segments.slice(length) }
  }
  return null
}

/** Where the keyboard goes for a field: a select's button (its named input is hidden), a group's first control. */
export function focusTarget(element: HTMLElement): HTMLElement {
  if (element.getAttribute('aria-hidden') === 'true') {
    const button = element.parentElement?.querySelector<HTMLElement>('[role="combobox"]')
    if (button) return button
  }
  if (element.hasAttribute('data-field') && !element.matches('input, textarea, select, button'))
    return element.querySelector<HTMLElement>('input, textarea, select, button, [tabindex]') ?? element
  return element
}

const textOf = (element: Element | null | undefined): string | null => {
  // MUI marks required fields with " *" inside the label; the summary names the field without it.
  const text = element?.textContent?.replace(/[\s\u2009]*\*\s*$/, '').trim()
  return text ? text : null
}

/** The label a person sees for this field: its form control's label, a group's legend or data-label. */
export function visibleLabel(element: HTMLElement): string | null {
  const declared = element.closest('[data-label]')?.getAttribute('data-label')
  if (declared) return declared
  const control = element.closest('.MuiFormControl-root')
  const label = textOf(control?.querySelector('label, legend'))
  if (label) return label
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) return textOf(element.labels?.[0])
  return null
}

/** "Purpose of entry is required." A message that is already a sentence of its own follows a colon. */
export function issueSentence(label: string, message: string, itemNumber?: number): string {
  const subject = itemNumber === undefined ? label : `${label} (item ${String(itemNumber)})`
  const text = message.trim()
  const joined = /^[a-z]/.test(text) ? `${subject} ${text}` : `${subject}: ${text}`
  return /[.!?]$/.test(joined) ? joined : `${joined}.`
}

/** Every issue of `problem` that the form shows, named by the fields' visible labels, in the form's order. */
export function shownIssues(form: HTMLElement, problem: Problem): ShownIssue[] {
  const found = Object.entries(problem.paths).map(([path, message]) => {
    const field = fieldElement(form, path)
    const label = field ? visibleLabel(field.element) : null
    const index = field?.rest.find((segment) => /^\d+$/.test(segment))
    const sentence = label
      ? issueSentence(label, message ?? '', index === undefined ? undefined : Number(index) + 1)
      : // A path no field of this form holds: its rule, never the internal name.
        issueSentence('One of the values', message ?? '')
    return { path, sentence, element: field?.element ?? null }
  })
  return found
    .map((issue, order) => ({ ...issue, order }))
    .sort((a, b) => {
      if (a.element && b.element && a.element !== b.element)
        return a.element.compareDocumentPosition(b.element) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1
      if (a.element && !b.element) return -1
      if (!a.element && b.element) return 1
      return a.order - b.order
    })
    .map(({ path, sentence }) => ({ path, sentence }))
}

/** Moves the keyboard to the field holding `path`; false when the form has no such field. */
export function focusField(form: HTMLElement | null, path: string): boolean {
  const field = form ? fieldElement(form, path) : null
  if (!field) return false
  const target = focusTarget(field.element)
  target.focus()
  target.scrollIntoView?.({ block: 'center' })
  return true
}
