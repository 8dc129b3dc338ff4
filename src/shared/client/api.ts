import { procedurePaths } from '../contract/procedures'
import type { ProcedureInput, ProcedureOutput, ProcedurePath } from '../contract/procedures'
import type { Transport } from './transport'
import { RpcError } from './rpc-error'

type Namespace = ProcedurePath extends `${infer N}.${string}` ? N : never

/** `api.users.list({...})`: one typed method per procedure, grouped by namespace. */
export type Api = {
  [N in Namespace]: {
    [P in ProcedurePath as P extends `${N}.${infer M}` ? M : never]: (
      input: ProcedureInput<P>,
    ) => Promise<ProcedureOutput<P>>
  }
}

export function createApi(transport: Transport): Api {
  const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {}
  for (const path of procedurePaths) {
    const [namespace, method] = path.split('.') as [string, string]
    api[namespace] ??= {}
    api[namespace][method] = async (input) => {
      const result = await transport.call(path, input)
      if (!result.ok) throw new RpcError(result.error)
      return result.value
    }
  }
  return api as Api
}
