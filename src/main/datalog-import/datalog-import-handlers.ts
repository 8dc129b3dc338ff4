import type { HandlersFor } from '../core/handler-types'
import type { DatalogImportService } from './datalog-import-service'

export function createDatalogHandlers(imports: DatalogImportService): HandlersFor<'datalog'> {
  return {
    'datalog.begin': (input, ctx) => imports.begin(input, ctx.principal),
    'datalog.stage': (input, ctx) => imports.stage(input, ctx.principal),
    'datalog.commit': (input, ctx) => imports.commit(input, ctx.principal),
    'datalog.discard': (input, ctx) => imports.discard(input, ctx.principal),
  }
}
