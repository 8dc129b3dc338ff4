import { FirstRunPage } from '../features/session/FirstRunPage'
import { SignedOutScreen } from '../features/session/SignedOutScreen'
import { StartingScreen } from '../features/session/StartingScreen'
import { useSession } from '../features/session/use-session'
import { AppFrame } from './AppFrame'

export function SessionGate() {
  const phase = useSession((state) => state.phase)
  switch (phase) {
    case 'loading':
      return <StartingScreen />
    case 'firstRun':
      return <FirstRunPage />
    case 'signedOut':
      return <SignedOutScreen />
    case 'signedIn':
      return <AppFrame />
  }
}
