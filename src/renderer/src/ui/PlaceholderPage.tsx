import Typography from '@mui/material/Typography'
import { PageHeader } from './PageHeader'

/** A page whose feature is not built yet says so plainly instead of showing invented data. */
export function PlaceholderPage({ title, willShow }: { title: string; willShow: string }) {
  return (
    <>
      <PageHeader title={title} />
      <Typography>Nothing here yet: {willShow}.</Typography>
    </>
  )
}
