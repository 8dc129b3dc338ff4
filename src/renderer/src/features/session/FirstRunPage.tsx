import { CenteredPanel } from '../../ui/CenteredPanel'
import { NewAccountForm } from './parts/NewAccountForm'
import { useSession } from './use-session'

export function FirstRunPage() {
  const setupFirstAdmin = useSession((state) => state.setupFirstAdmin)
  return (
    <CenteredPanel
      title="Create the first administrator"
      intro="Gatehouse has no accounts yet. The first account administers every other one, so give it a strong password and keep it to yourself."
    >
      <NewAccountForm submitLabel="Create administrator" onSubmit={(form) => void setupFirstAdmin(form)} />
    </CenteredPanel>
  )
}
