import { createStore } from 'zustand/vanilla'
import type { StoreApi } from 'zustand/vanilla'
import type { Result } from '../../../../shared/contract/errors'
import type { ProcedurePath } from '../../../../shared/contract/procedures'
import { procedures } from '../../../../shared/contract/procedures'
import { exampleInput } from '../../../../shared/contract/reference'
import type { Connection } from '../../connection/connection'

export interface PlaygroundState {
  /** The desktop window calls over IPC; a browser over HTTP, which the page then shows as curl. */
  desktop: boolean
  selected: ProcedurePath | null
  /** The input as typed: JSON text, parsed only when run. */
  inputText: string
  /** Why nothing was sent or nothing came back (not JSON, no connection); the server names any rule the input breaks. */
  problem: string | null
  /** A command waiting for the person to confirm it. */
  confirming: boolean
  running: boolean
  /** The envelope the gate answered, exactly as it came back. */
  answer: Result<unknown> | null
  select(path: ProcedurePath): void
  setInput(text: string): void
  /** Runs a query at once; a command asks first. */
  run(): Promise<void>
  confirm(): Promise<void>
  cancel(): void
}

export type PlaygroundStore = StoreApi<PlaygroundState>

const pretty = (value: unknown) => JSON.stringify(value, null, 2)

/**
 * The API playground: any procedure, any input, sent through the same transport as every screen,
 * so the gate (dispatch) decides and audits it exactly as it would any other call. Nothing here
 * decides what is allowed; the list offered is only a courtesy.
 */
export function createPlaygroundStore({ transport, desktop }: Connection): PlaygroundStore {
  async function send(set: StoreApi<PlaygroundState>['setState'], get: () => PlaygroundState) {
    const { selected, inputText } = get()
    if (!selected) return
    let input: unknown
    try {
      input = JSON.parse(inputText === '' ? '{}' : inputText)
    } catch (error) {
      set({ problem: `The input is not valid JSON: ${(error as Error).message}`, confirming: false })
      return
    }
    set({ running: true, confirming: false, problem: null, answer: null })
    try {
      const answer = await transport.call(selected, input)
      // A newer choice of procedure wins over an answer that arrives late.
      if (get().selected === selected) set({ answer, running: false })
    } catch (error) {
      set({ running: false, problem: `The call did not reach Gatehouse: ${(error as Error).message}` })
    }
  }

  return createStore<PlaygroundState>()((set, get) => ({
    desktop,
    selected: null,
    inputText: '',
    problem: null,
    confirming: false,
    running: false,
    answer: null,
    select(path) {
      set({
        selected: path,
        inputText: pretty(exampleInput(path)),
        problem: null,
        confirming: false,
        running: false,
        answer: null,
      })
    },
    setInput(text) {
      set({ inputText: text, problem: null })
    },
    async run() {
      const { selected } = get()
      if (!selected) return
      if (procedures[selected].kind === 'command') {
        set({ confirming: true })
        return
      }
      await send(set, get)
    },
    confirm: () => send(set, get),
    cancel() {
      set({ confirming: false })
    },
  }))
}
