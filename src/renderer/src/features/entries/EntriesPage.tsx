import { PlaceholderPage } from '../../ui/PlaceholderPage'

export function EntriesPage() {
  return (
    <PlaceholderPage
      title="Entries"
      willShow="who went into which space and when they came out, with the attendant on duty"
    />
  )
}
