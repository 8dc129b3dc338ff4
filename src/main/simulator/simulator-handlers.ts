import type { HandlersFor } from '../core/handler-types'
import { actorOf } from '../identity/principal'
import type { Simulator } from './simulator'

export function createSimulatorHandlers(simulator: Simulator): HandlersFor<'simulator'> {
  return {
    'simulator.start': (input, ctx) => simulator.start(actorOf(ctx.principal), input.permitIds),
    'simulator.stop': (input, ctx) => simulator.stop(actorOf(ctx.principal), input.permitIds),
    'simulator.status': () => simulator.status(),
  }
}
