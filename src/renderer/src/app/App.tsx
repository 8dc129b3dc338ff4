import { ThemeRoot } from '../theme/ThemeRoot'
import type { AppStores } from './app-stores'
import { SessionGate } from './SessionGate'
import { StoresProvider } from './stores-context'

export function App({ stores }: { stores: AppStores }) {
  return (
    <StoresProvider stores={stores}>
      <ThemeRoot>
        <SessionGate />
      </ThemeRoot>
    </StoresProvider>
  )
}
