import { PlaceholderPage } from '../../ui/PlaceholderPage'

export function GasPage() {
  return (
    <PlaceholderPage
      title="Gas"
      willShow="live and recent atmosphere readings from each space's monitors, against their alarm limits"
    />
  )
}
