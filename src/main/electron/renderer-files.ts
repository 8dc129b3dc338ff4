import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { contentSecurityPolicy } from '../core/content-security-policy'
import { appHost } from './renderer-origin'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
}

function respond(status: number, body: Buffer | string, contentType: string): Response {
  return new Response(status === 200 ? body : `${status}`, {
    status,
    headers: {
      'Content-Security-Policy': contentSecurityPolicy,
      'Content-Type': status === 200 ? contentType : 'text/plain; charset=utf-8',
      'X-Content-Type-Options': 'nosniff',
    },
  })
}

/** The file under `rootDir` a request names, or null when it would leave `rootDir`. */
export function resolveRendererFile(rootDir: string, requestUrl: string): string | null {
  let pathname: string
  try {
    const url = new URL(requestUrl)
    if (url.host !== appHost) return null
    // Decoding turns `..%2f` into `../`, which the URL parser left alone; the check below sees it.
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (pathname.includes('\0')) return null
  const root = path.resolve(rootDir)
  const file = path.resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`)
  const relative = path.relative(root, file)
  const leaves = relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)
  if (relative === '' || leaves) return null
  return file
}

/** The app scheme's handler: files of the built renderer and nothing else, each with the CSP. */
export function createRendererFileHandler(rootDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    const file = resolveRendererFile(rootDir, request.url)
    if (file === null) return respond(404, '', '')
    try {
      const body = await readFile(file)
      return respond(200, body, contentTypes[path.extname(file).toLowerCase()] ?? 'application/octet-stream')
    } catch {
      return respond(404, '', '')
    }
  }
}
