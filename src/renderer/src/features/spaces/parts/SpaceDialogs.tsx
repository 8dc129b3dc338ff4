import { useSpaces } from '../use-spaces'
import { RetireSpaceDialog } from './RetireSpaceDialog'
import { SpaceFormDialog } from './SpaceFormDialog'

export function SpaceDialogs() {
  const dialog = useSpaces((state) => state.dialog)
  switch (dialog?.kind) {
    case 'create':
      return <SpaceFormDialog space={null} />
    case 'edit':
      return <SpaceFormDialog key={dialog.space.id} space={dialog.space} />
    case 'retire':
      return <RetireSpaceDialog key={dialog.space.id} space={dialog.space} />
    default:
      return null
  }
}
