import { RpcError } from '../../../../shared/client/rpc-error'
import { resultSchema } from '../../../../shared/contract/errors'
import { sessionTokenKey } from '../../connection/http-connection'

/**
 * Browser mode: fetches one of the person's export files with the session's bearer token (a link
 * cannot carry the header, and the token never goes into a URL) and hands it to the download.
 */
export async function fetchExportFile(name: string): Promise<Blob> {
  const token = window.sessionStorage.getItem(sessionTokenKey)
  const response = await fetch(`/api/exports/${encodeURIComponent(name)}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  })
  if (response.ok) return response.blob()
  const refusal = resultSchema.safeParse(await response.json().catch(() => null))
  if (refusal.success && !refusal.data.ok) throw new RpcError(refusal.data.error)
  throw new Error(`the server answered HTTP ${String(response.status)}`)
}
