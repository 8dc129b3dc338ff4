import type { PermitDetailDto } from '../../../src/shared/contract/permits'
import type { Role } from '../../../src/shared/contract/roles'
import { anInstrument } from './alarm-fixtures'
import { aUser, aDirectory } from './fixtures'
import { FakeTransport, ok } from './fake-transport'
import { aDetail, now } from './permit-fixtures'
import { scriptSignedIn } from './render-app'

/** A signed-in person on the page of one permit, with the board answering for the clock. */
export function permitPage(
  detail: PermitDetailDto = aDetail(),
  roles: Role[] = ['supervisor'],
  view: '' | '/print' = '',
): FakeTransport {
  window.location.hash = `#/permits/${String(detail.card.id)}${view}`
  return scriptSignedIn(new FakeTransport(), aUser(roles))
    .on('permits.get', ok(detail))
    .on('permits.board', ok({ cards: [detail.card], peopleInside: detail.card.inside.length, now }))
    .on('evacuations.active', ok([]))
    .on('users.directory', ok(aDirectory))
    .on('instruments.list', ok({ items: [anInstrument()], total: 1 }))
}
