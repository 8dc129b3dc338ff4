import { useState } from 'react'
import { SignInPage } from './SignInPage'
import { SignUpPage } from './SignUpPage'
import { useSession } from './use-session'

/** Sign-in and sign-up share the signed-out phase; which one shows is this screen's own concern. */
export function SignedOutScreen() {
  const clearProblem = useSession((state) => state.clearProblem)
  const signUpOpen = useSession((state) => state.signUpOpen)
  const [view, setView] = useState<'signIn' | 'signUp'>('signIn')
  const show = (next: typeof view) => () => {
    clearProblem()
    setView(next)
  }
  return view === 'signUp' && signUpOpen ? (
    <SignUpPage onBackToSignIn={show('signIn')} />
  ) : (
    <SignInPage onCreateAccount={show('signUp')} />
  )
}
