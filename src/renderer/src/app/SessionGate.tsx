import { ChangePasswordDialog } from '../features/session/ChangePasswordDialog'
import { FirstRunPage } from '../features/session/FirstRunPage'
import { PasswordChange } from '../features/session/PasswordChange'
import { SignedOutScreen } from '../features/session/SignedOutScreen'
import { StartingScreen } from '../features/session/StartingScreen'
import { useSession } from '../features/session/use-session'
import { AppFrame } from './AppFrame'

export function SessionGate() {
  const phase = useSession((state) => state.phase)
  const mustChangePassword = useSession((state) => state.user?.mustChangePassword ?? false)
  switch (phase) {
    case 'loading':
      return <StartingScreen />
    case 'firstRun':
      return <FirstRunPage />
    case 'signedOut':
      return <SignedOutScreen />
    case 'signedIn':
      // After an administrator's reset the session may do nothing else, so nothing else is shown.
      if (mustChangePassword) return <ChangePasswordDialog forced />
      return (
        <>
          <AppFrame />
          <PasswordChange />
        </>
      )
  }
}
