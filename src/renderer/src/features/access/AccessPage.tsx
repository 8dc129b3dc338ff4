import { PlaceholderPage } from '../../ui/PlaceholderPage'

export function AccessPage() {
  return <PlaceholderPage title="Access" willShow="IT access requests, who approved them and when the access ends" />
}
