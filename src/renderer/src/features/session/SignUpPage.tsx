import Button from '@mui/material/Button'
import { CenteredPanel } from '../../ui/CenteredPanel'
import { NewAccountForm } from './parts/NewAccountForm'
import { useSession } from './use-session'

export function SignUpPage({ onBackToSignIn }: { onBackToSignIn(): void }) {
  const signUp = useSession((state) => state.signUp)
  return (
    <CenteredPanel
      title="Create an account"
      intro="New accounts start as requesters: you can ask for access to IT systems and to confined spaces, and follow your requests and grants. An administrator grants any other role, such as supervisor or attendant."
    >
      <NewAccountForm submitLabel="Create account" onSubmit={(form) => void signUp(form)} />
      <Button onClick={onBackToSignIn}>Back to sign in</Button>
    </CenteredPanel>
  )
}
