import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useEffect, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { messageOutside } from '../../errors/problem'
import { CenteredPanel } from '../../ui/CenteredPanel'
import { IssueTextField } from '../../ui/IssueTextField'
import { ProblemAlert } from '../../ui/ProblemAlert'
import { useSession } from './use-session'

export function SignInPage({ onCreateAccount }: { onCreateAccount(): void }) {
  const login = useSession((state) => state.login)
  const problem = useSession((state) => state.problem)
  const pending = useSession((state) => state.pending)
  const notice = useSession((state) => state.notice)
  const signUpOpen = useSession((state) => state.signUpOpen)
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const form = useRef<HTMLFormElement>(null)
  // After a refusal the next keystroke goes where the mistake is: the field named, else the password.
  useEffect(() => {
    if (!problem) return
    const target =
      form.current?.querySelector<HTMLInputElement>('input[aria-invalid="true"]') ??
      form.current?.querySelector<HTMLInputElement>('input[name="password"]')
    target?.focus()
    target?.select()
  }, [problem])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    void login({ username, password })
  }

  return (
    <CenteredPanel title="Sign in">
      {notice ? (
        <Alert severity="warning" role="status">
          {notice}
        </Alert>
      ) : null}
      <Stack component="form" ref={form} noValidate onSubmit={submit}>
        <ProblemAlert message={messageOutside(problem, ['username', 'password'])} />
        <IssueTextField
          field="username"
          label="Username"
          value={username}
          onChange={setUsername}
          problem={problem}
          autoComplete="username"
          autoFocus
        />
        <IssueTextField
          field="password"
          label="Password"
          type="password"
          value={password}
          onChange={setPassword}
          problem={problem}
          autoComplete="current-password"
        />
        <Button type="submit" variant="contained" size="large" disabled={pending} sx={{ mt: 2 }}>
          Sign in
        </Button>
      </Stack>
      {signUpOpen ? (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography sx={{ color: 'text.secondary' }}>No account yet?</Typography>
          <Button onClick={onCreateAccount}>Create an account</Button>
        </Stack>
      ) : null}
    </CenteredPanel>
  )
}
