import { fieldProblem } from '../../errors/problem'
import type { Problem } from '../../errors/problem'

/** The account form of first run and sign-up; the confirmation never leaves the window. */
export interface NewAccountForm {
  username: string
  displayName: string
  password: string
  confirmPassword: string
}

export const newAccountFields = ['username', 'displayName', 'password', 'confirmPassword'] as const

export const passwordsDifferMessage = 'The two passwords do not match. Type the same password twice.'

export function checkNewAccount(form: NewAccountForm): Problem | null {
  return form.password === form.confirmPassword ? null : fieldProblem('confirmPassword', passwordsDifferMessage)
}

export const newAccountInput = ({ username, displayName, password }: NewAccountForm) => ({
  username,
  displayName,
  password,
})
