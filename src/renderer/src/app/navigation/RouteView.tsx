import { Suspense } from 'react'
import {
  GasPage,
  PageLoading,
  PermitDetailPage,
  PermitFormPage,
  PermitPrintPage,
  PersonExposurePage,
  WallBoardPage,
} from './lazy-pages'
import { pageViews } from './page-views'
import { UnavailablePage } from './UnavailablePage'
import type { Route } from './routes'

/** The screen a route names, once its chunk has arrived (see lazy-pages). */
export function RouteView({ route }: { route: Route }) {
  return (
    <Suspense fallback={<PageLoading />}>
      <RouteScreen route={route} />
    </Suspense>
  )
}

/** Each screen mounts fresh when the route changes, so stores reopen cleanly. */
function RouteScreen({ route }: { route: Route }) {
  switch (route.kind) {
    case 'page': {
      const View = pageViews[route.page]
      return <View key={route.page} />
    }
    case 'gas':
      // One page for its tabs: switching tabs keeps the page, each tab opens its own store.
      return <GasPage key="gas" tab={route.tab} />
    case 'newPermit':
      return <PermitFormPage key="new" permitId={null} />
    case 'wall':
      return <WallBoardPage key="wall" />
    case 'person':
      return <PersonExposurePage key={`person-${route.personKey}`} personKey={route.personKey} />
    case 'unavailable':
      return <UnavailablePage key={route.why} why={route.why} />
    case 'permit':
      switch (route.view) {
        case 'detail':
          return <PermitDetailPage key={`detail-${String(route.permitId)}`} permitId={route.permitId} />
        case 'edit':
          return <PermitFormPage key={`edit-${String(route.permitId)}`} permitId={route.permitId} />
        case 'print':
          return <PermitPrintPage key={`print-${String(route.permitId)}`} permitId={route.permitId} />
      }
  }
}
