import { PlaceholderPage } from '../../ui/PlaceholderPage'

export function BoardPage() {
  return (
    <PlaceholderPage
      title="Board"
      willShow="every confined space on site with its permit state, who is inside and the latest gas reading"
    />
  )
}
