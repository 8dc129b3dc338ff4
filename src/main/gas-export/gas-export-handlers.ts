import type { HandlersFor } from '../core/handler-types'
import type { GasExportService } from './gas-export-service'

export function createGasExportHandlers(exportGas: GasExportService): HandlersFor<'gas'> {
  return {
    'gas.export': (input, ctx) => exportGas(ctx.principal, input),
  }
}
