import type { HandlersFor } from '../core/handler-types'
import type { Db } from '../db/database'
import { listAuditEntries } from './audit-repository'
import { verifyAuditChain } from './audit-verifier'

export function createAuditHandlers(db: Db): HandlersFor<'audit'> {
  return {
    'audit.list': (input) => {
      const items = listAuditEntries(db, input.limit, input.beforeSeq)
      const last = items.at(-1)
      return { items, nextBeforeSeq: items.length === input.limit && last ? last.seq : null }
    },
    'audit.verify': () => verifyAuditChain(db),
  }
}
